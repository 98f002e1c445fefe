/** OpenCC's character table as opencc-js ships it: "醫 医|療 疗|…" (traditional-table.ts reads it). */
declare module 'opencc-js/dict/TSCharacters' {
  const dict: string;
  export default dict;
}
