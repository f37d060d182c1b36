// Data: abbreviations whose period does not end a sentence ("e.g. the Opus skill", "approx. 80
// lines"), without their last period, matched in any case.
export const ABBREVIATIONS = [
  'e.g',
  'i.e',
  'etc',
  'vs',
  'cf',
  'approx',
  'ca',
  'fig',
  'mr',
  'dr',
  'st',
] as const;
