// The one theme map: Lexical node → CSS class (styles/page.css gives them the printed look).
import type { EditorThemeClasses } from 'lexical';

/** Class names Lexical puts on the nodes it renders. */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'pg-p',
  quote: 'pg-quote',
  heading: { h1: 'pg-h1', h2: 'pg-h2', h3: 'pg-h3', h4: 'pg-h4', h5: 'pg-h4', h6: 'pg-h4' },
  text: {
    bold: 'pg-bold',
    italic: 'pg-italic',
    underline: 'pg-underline',
    strikethrough: 'pg-strike',
    underlineStrikethrough: 'pg-underline-strike',
    subscript: 'pg-sub',
    superscript: 'pg-sup',
  },
};
