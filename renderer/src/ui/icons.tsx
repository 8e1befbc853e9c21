// Small inline SVG icons (stroke follows currentColor), so the app needs no icon font or network.
import type { JSX, SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement>;

function Svg({ children, ...props }: IconProps): JSX.Element {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...props}>
      {children}
    </svg>
  );
}

/** Plus (新建). */
export function PlusIcon(props: IconProps): JSX.Element {
  return <Svg {...props}><path d="M8 3v10M3 8h10" /></Svg>;
}
/** Magnifier (搜索). */
export function SearchIcon(props: IconProps): JSX.Element {
  return <Svg {...props}><circle cx="7" cy="7" r="4.5" /><path d="M10.5 10.5 14 14" /></Svg>;
}
/** Bin (回收站). */
export function TrashIcon(props: IconProps): JSX.Element {
  return <Svg {...props}><path d="M2.5 4.5h11M6 4.5V3h4v1.5M4 4.5l.7 9h6.6l.7-9M6.8 7v4M9.2 7v4" /></Svg>;
}
/** Counter-clockwise arrow (还原, 撤销). */
export function UndoIcon(props: IconProps): JSX.Element {
  return <Svg {...props}><path d="M4 6h6a3.5 3.5 0 0 1 0 7H6" /><path d="M6.5 3.5 4 6l2.5 2.5" /></Svg>;
}
/** Clockwise arrow (重做). */
export function RedoIcon(props: IconProps): JSX.Element {
  return <Svg {...props}><path d="M12 6H6a3.5 3.5 0 0 0 0 7h4" /><path d="M9.5 3.5 12 6 9.5 8.5" /></Svg>;
}
/** Pencil (重命名). */
export function PencilIcon(props: IconProps): JSX.Element {
  return <Svg {...props}><path d="M10.5 2.5l3 3-8 8H2.5v-3z" /><path d="M9 4l3 3" /></Svg>;
}
/** Document (文稿). */
export function DocIcon(props: IconProps): JSX.Element {
  return <Svg {...props}><path d="M4 1.5h5.5L12.5 4.5v10h-8.5z" /><path d="M9.5 1.5v3h3M6 8h4.5M6 10.5h4.5" /></Svg>;
}
/** Folder (数据文件夹). */
export function FolderIcon(props: IconProps): JSX.Element {
  return <Svg {...props}><path d="M1.5 4.5v8h13v-7H8L6.5 3.5h-5z" /></Svg>;
}
/** Cross (关闭、清除). */
export function CloseIcon(props: IconProps): JSX.Element {
  return <Svg {...props}><path d="M4 4l8 8M12 4l-8 8" /></Svg>;
}
/** Warning triangle. */
export function WarnIcon(props: IconProps): JSX.Element {
  return <Svg {...props}><path d="M8 2 14.5 13.5h-13z" /><path d="M8 6.5v3.2M8 11.6v.1" /></Svg>;
}
/** Check mark. */
export function CheckIcon(props: IconProps): JSX.Element {
  return <Svg {...props}><path d="M3 8.5 6.5 12 13 4.5" /></Svg>;
}
