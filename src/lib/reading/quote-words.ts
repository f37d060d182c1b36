// Data: the words that attribute a quotation to someone ("as the tweet puts it", "he writes").

/** What an author writes: "the tweet", "his post". */
export const SOURCE_KINDS = [
  'tweet',
  'thread',
  'post',
  'article',
  'essay',
  'talk',
  'source',
  'author',
  'paper',
  'blog',
  'interview',
  'notes',
] as const;

/** How a person is reported: "he says", "she argued", "who quipped". */
export const REPORTING_VERBS = [
  'says',
  'said',
  'writes',
  'wrote',
  'notes',
  'noted',
  'puts it',
  'put it',
  'calls',
  'called',
  'observes',
  'observed',
  'argues',
  'argued',
  'describes',
  'described',
  'admits',
  'admitted',
  'warns',
  'warned',
  'explains',
  'explained',
  'tweeted',
  'states',
  'stated',
  'quipped',
  'complains',
  'complained',
] as const;

/** What a person's words are called: "his own words", "her central observation". */
export const THEIR_WORDS = [
  'words',
  'observation',
  'central observation',
  'point',
  'phrase',
  'claim',
  'remark',
  'line',
  'complaint',
  'advice',
  'quip',
  'tweet',
] as const;
