// The one theme map: Lexical node → CSS class (styles/page.css gives them the printed look).
import type { EditorThemeClasses } from 'lexical';

/** Class names Lexical puts on the nodes it renders (wg* keys are read by the report nodes). */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'pg-p',
  quote: 'pg-quote',
  wgHeading: 'pg-heading',
  wgRunIn: 'pg-runin',
  wgRole: 'pg-role',
  wgField: 'pg-field',
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
