/** Ways people write one 发文字号 (国发〔2019〕5号): what the index and the query must both read as the same number. */
export const DOC_NUMBER_VARIANTS = [
  '国发〔2019〕5号',
  '国发[2019]5号',
  '国发［2019］5号',
  '国发（2019）5号',
  '国发2019年5号',
  '国发 2019 年 第5号',
  '国发〔２０１９〕５号',
];
