// Data: numbers as prose writes them.

/** Counts in words: "seven steps", "a dozen rules", "no headings". */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  no: 0,
  zero: 0,
  one: 1,
  single: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  'a dozen': 12,
  dozen: 12,
  'half a dozen': 6,
  'a single': 1,
  'a hundred': 100,
};

/** Places in words and figures: "second", "2nd". */
export const PLACES: Readonly<Record<string, number>> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
};

/** Ratios in words: "twice as long", "half the length", "a third of". */
export const RATIOS: Readonly<Record<string, number>> = {
  half: 0.5,
  twice: 2,
  double: 2,
  triple: 3,
  thrice: 3,
  'a third': 1 / 3,
  'one third': 1 / 3,
  'a quarter': 0.25,
};
