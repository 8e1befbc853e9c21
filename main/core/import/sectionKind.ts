// The section kind of an imported level-1 heading. The words are read by the shared
// guessSectionKind after two corrections an import needs: Traditional characters of the kind words
// are read as Simplified (web copies from Hong Kong / Taiwan sites); the shared reader already ignores
// method phrases such as 坚持问题导向.
import type { SectionKind } from '../../common/reportModel';
import { guessSectionKind as guessFromWords } from '../../common/reportModel';

// Traditional → Simplified for the characters of the kind words only (the stored text is untouched).
const simplified: Record<string, string> = {
  況: '况', 開: '开', 實: '实', 顧: '顾', 職: '职', 進: '进', 執: '执', 績: '绩', 點: '点', 經: '经',
  驗: '验', 問: '问', 題: '题', 決: '决', 難: '难', 階: '阶', 後: '后', 計: '计', 劃: '划', 對: '对',
  議: '议', 標: '标', 務: '务', 運: '运', 與: '与', 據: '据', 項: '项', 達: '达', 動: '动', 現: '现',
  個: '个', 們: '们', 為: '为', 這: '这', 來: '来', 從: '从', 處: '处', 於: '于', 發: '发', 會: '会',
  導: '导', 結: '结', 歸: '归', 納: '纳', 總: '总', 體: '体', 層: '层', 佈: '布', 暫: '暂',
};

/** Reads Traditional kind-word characters as Simplified. */
function toSimplified(text: string): string {
  let out = '';
  for (const ch of text) out += simplified[ch] ?? ch;
  return out;
}

/** The kind of a level-1 heading from its words: situation / achievements / shortcomings / plan, else other. */
export function sectionKindOf(headingText: string): SectionKind {
  const text = toSimplified(headingText);
  return guessFromWords(text) ?? 'other';
}
