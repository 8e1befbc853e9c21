// Line clean-up for imported text: odd spaces, web leftovers inside a line (pinyin annotations,
// HTML tag remnants), and the junk lines a web page copies along with a report (navigation crumbs,
// publication lines, toolbar words, hidden-text notices, image file names, login prompts, captions).

/** A line after clean-up. */
export interface CleanLine {
  /** The line as found, trimmed, odd spaces (NBSP, 全角空格) shown as plain spaces: what `removed` lists. */
  raw: string;
  /** The cleaned text: one space for any run of white space, no zero-width characters. */
  text: string;
  /** True when white space separated two Han phrases (a 对仗 news subheading "强化理论武装  发挥作用"). */
  gapped: boolean;
  /** Pinyin annotations removed from this line, each with its character (强(qiáng)). */
  pinyin: string[];
  /** HTML tag remnants removed from this line (</p>, ?/span>). */
  tags: string[];
}

const zeroWidth = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const oddSpace = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\v\f]/g;
// A tone-marked pinyin syllable (or two) in half-width brackets right after a Han character.
const pinyinAnnotation = /(?<=\p{Script=Han})\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7}(?: [a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7})?\)/gu;
// HTML tags copied as text, and the remnant a broken encoding leaves of a closing tag (?/p>).
const tagRemnant = /<\/?(?:p|span|div|br|strong|b|em|i|u|font|a|section|strong)\b[^<>]{0,200}>|[?？]\/(?:p|span|div|font|strong|a|section)>/giu;

/** Cleans one line (one cell of a table row at a time; tabs between cells are the caller's). */
export function cleanLine(line: string): CleanLine {
  const raw = line.replace(zeroWidth, '').replace(oddSpace, ' ').replace(/^\s+|\s+$/gu, '');
  const pinyin: string[] = [];
  const tags: string[] = [];
  let text = raw;
  text = text.replace(pinyinAnnotation, (m: string, offset: number, whole: string) => {
    pinyin.push(`${whole.slice(Math.max(0, offset - 1), offset)}${m}`);
    return '';
  });
  text = text.replace(tagRemnant, (m) => {
    tags.push(m);
    return '';
  });
  text = text.replace(/[\r\n]+/g, ' ').trim();
  const gapped = /\p{Script=Han}[”"》）)]? +[“"《（(]?\p{Script=Han}/u.test(text);
  text = text.replace(/ {2,}/g, ' ');
  return { raw, text, gapped, pinyin, tags };
}

// Words of a web page's toolbar: a line made only of these is chrome.
const chromeWords = new Set(
  (
    '放大 缩小 縮小 打印 列印 关闭 關閉 关闭窗口 關閉窗口 打印本页 打印本頁 打印此页 分享到 分享 收藏 加入收藏 朗读 朗讀 ' +
    '返回顶部 返回頂部 返回 顶部 字号 字號 字体 字體 大 中 小 默认 默認 标准 標準 繁体 繁體 简体 簡體 纠错 糾錯 评论 評論 ' +
    '点赞 點贊 在看 转发 轉發 复制链接 複製鏈接 保存 微信 微博 QQ空间 QQ空間 扫一扫 掃一掃 手机版 手機版 无障碍 無障礙 ' +
    '听全文 聽全文 语音播报 語音播報 播放 暂停 暫停 登录 登錄 注册 註冊 退出 首页 首頁 打印文章 关闭文章'
  ).split(' '),
);

// Junk line patterns, each with the longest line it may match (a real sentence is longer).
const junkPatterns: [RegExp, number][] = [
  // Navigation crumbs.
  [/^(当前位置|當前位置|您的位置|你的位置|您现在的位置|您現在的位置|你现在的位置|现在位置|所在位置)\s*[：:]/u, 160],
  [/^(首页|首頁|网站首页|網站首頁|主页|主頁)\s*[>＞»›]/u, 160],
  // Publication lines.
  [/^(发布时间|發布時間|發佈時間|发布日期|發布日期|發佈日期|发表时间|發表時間|更新时间|更新時間|来源|來源|稿源|作者|责任编辑|責任編輯|编辑|編輯|审核|審核|审校|審校|浏览次数|瀏覽次數|阅读次数|閱讀次數|阅读量|閱讀量|点击数|點擊數|点击率|點擊率|访问量|訪問量|字号|字號|信息来源|信息來源|文章来源|文章來源|供稿|摄影|攝影|校对|校對|索引号|索引號|发布机构|發布機構|发文机关|主题分类)\s*[：:]/u, 120],
  [/^[（(]\s*(来源|來源|稿源|供稿|作者|文\s*[/／]|责任编辑|責任編輯|编辑|編輯)[^）)]*[）)]$/u, 120],
  // Hidden text behind a download button ("---此处隐藏4362字，下载后查看---").
  [/(此处隐藏|此處隱藏|此处已隐藏|此處已隱藏|下载后查看|下載後查看|下载全文|下載全文|查看全文|阅读全文|閱讀全文|展开全文|展開全文|点击下载|點擊下載|付费阅读|付費閱讀|下载文档|下載文檔)/u, 60],
  // Image file names and placeholders.
  [/^[\w\-.~%]+\.(jpe?g|png|gif|bmp|webp|svg|tiff?)$/iu, 160],
  [/^[[【]?(图片|圖片|image|img)[\]】]?$/iu, 20],
  // Login prompts.
  [/^(密码|密碼|用户名|用戶名|帐号|账号|賬號|帳號|账户|帳戶|登录名|登錄名|验证码|驗證碼|忘记密码|忘記密碼)\s*[：:]?\s*$/u, 20],
  // Photo captions: not part of a report.
  [/^[（(]?\s*(图为|圖為|图片来源|圖片來源|图片由|圖片由)/u, 160],
  // Links, page footers, related-article lists.
  [/^(https?:\/\/|www\.)\S+$/iu, 400],
  [/^(版权所有|版權所有|copyright\b|©|\(c\)\s)/iu, 160],
  [/(ICP备|ICP備|公网安备|公網安備)\s*\d/u, 160],
  [/^(上一篇|下一篇|上一条|下一条|上一條|下一條|相关阅读|相關閱讀|相关新闻|相關新聞|相关文章|相關文章|推荐阅读|推薦閱讀|热点推荐|熱點推薦|猜你喜欢|猜你喜歡|分享到)/u, 80],
];

// A date with a time, or a date beside 来源/作者/浏览: a publication line in another order.
const dateTime = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}[:：]\d{2}/u;
const pubWords = /(来源|來源|作者|浏览|瀏覽|阅读|閱讀|点击|點擊|编辑|編輯)\s*[：:]/u;
const anyDate = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}/u;

/** True when a cleaned line is web chrome or other junk that is no part of a report. */
export function isJunkLine(text: string): boolean {
  if (junkPatterns.some(([pattern, max]) => text.length <= max && pattern.test(text))) return true;
  if (text.length <= 60 && (dateTime.test(text) || (anyDate.test(text) && pubWords.test(text)))) return true;
  if (text.length <= 40) {
    const tokens = text.split(/[\s[\]【】（）()|｜/:：·•,，、>＞»›]+/u).filter(Boolean);
    if (tokens.length > 0 && tokens.every((t) => chromeWords.has(t))) return true;
    if (/扫一扫|掃一掃|二维码|二維碼/u.test(text) && !text.includes('。')) return true;
  }
  return false;
}

/** True when a cleaned line is an image file name (its caption may follow). */
export function isImageLine(text: string): boolean {
  return /^[\w\-.~%]+\.(jpe?g|png|gif|bmp|webp|svg|tiff?)$/iu.test(text) || /^[[【]?(图片|圖片|image|img)[\]】]?$/iu.test(text);
}
