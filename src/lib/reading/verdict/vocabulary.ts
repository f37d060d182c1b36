// Data: the words and phrases evaluations decide with, as patterns (a "?" or a group inside one
// covers its spellings). cues.ts builds the reader's regular expressions from them.

/** "Winner:", "My pick —", "Slight edge:": the words of a label line. */
export const LABEL_WORDS = [
  'winner',
  'verdict',
  'decision',
  'recommendation',
  'recommended',
  'pick',
  'my pick',
  'choice',
  'my vote',
  'vote',
  'preferred(?: skill| \\w+)?',
  'preference',
  '(?:slight|clear|overall) edge',
  'better skill',
  'stronger skill',
  'best skill',
  'top pick',
  'result',
  'conclusion',
  'bottom line',
  'tl;?dr',
] as const;

/** Words that say a participant is not the one, or is worse. */
export const NEGATIVE_WORDS = [
  'not',
  "isn't",
  "wasn't",
  "doesn't",
  "don't",
  'never',
  'no longer',
  'worse',
  'worst',
  'weaker',
  'weakest',
  'loses',
  'lost to',
  'inferior',
  'falls short',
  'lacks',
  'fails',
  'behind',
  'neither',
  'nor',
  'less',
  'beaten',
  'outdone',
  'outclassed',
  'edged out',
] as const;

/** A pick in words: "I'd go with", "the nod goes to", "the one I would ship". */
export const PICK_WORDS = [
  'pick',
  'picks',
  'picked',
  'choose',
  'chose',
  'choosing',
  'prefer',
  'prefers',
  'preferred',
  'recommend',
  'recommends',
  'recommended',
  'go with',
  'going with',
  'went with',
  'goes with',
  '(?:vote|win|nod|prize|crown|trophy|edge|award) goes to',
  'select',
  'selected',
  'favou?r',
  'vote for',
  'voted for',
  'award',
  'awarded',
  'give (?:it|this|this one|the win|the nod|my vote|the edge) to',
  "(?:i'd|i would|i'll|i will|we'd|we would) (?:ship|use|merge|install)",
  'would use',
  'gets my vote',
  'get my vote',
  'has my vote',
  "i'd use",
  'i would use',
  'side with',
  "(?:i'd|i would|i'll|i will) (?:hand|give|send|only keep|keep)",
  "the one (?:i'd|i would|to) (?:want|use|ship|pick|choose|keep|merge|trust|install|run|submit)",
] as const;

/** Words that decide outright: "wins", "on balance", "the stronger one". */
export const STRONG_CUE_WORDS = [
  'winner(?![-\\w])',
  'wins',
  'won',
  'overall',
  'verdict',
  'better skill',
  'stronger skill',
  'best skill',
  'the better one',
  'is the one (?:that|which|who)',
  'the stronger one',
  'the best one',
  'better choice',
  'stronger choice',
  'best choice',
  'better pick',
  'comes out ahead',
  'comes out on top',
  'takes it',
  'edges (?:it|out)',
  'on balance',
  'all things considered',
  'ahead overall',
  'stronger submission',
  'better submission',
  'stronger entry',
  'better entry',
] as const;

/** Praise that ranks: "better", "more faithful", "the clear winner". */
export const PRAISE_WORDS = [
  'better',
  'stronger',
  'best',
  'strongest',
  'superior',
  'winner',
  'the winner',
  'preferable',
  'more faithful',
  'more useful',
  'more effective',
  'more practical',
  'more accurate',
  'more complete',
  'more convincing',
  'more persuasive',
  'the clear winner',
  'the stronger',
  'the better',
  'the best',
  'ahead',
] as const;

/** Words that set one against another: "X beats Y", "better than". */
export const COMPARE_WORDS = [
  'than',
  'over',
  'beats',
  'beat',
  'outperforms',
  'outclasses',
  'edges out',
  'ahead of',
  'wins against',
  'tops',
  'trumps',
] as const;

/** Words that turn a sentence: "X has nicer examples, but Y is stronger". */
export const CONTRAST_WORDS = [
  'but',
  'however',
  'yet',
  'still',
  'nevertheless',
  'nonetheless',
  'that said',
  'even so',
] as const;

/** A tie in words. */
export const TIE_WORDS = [
  'a tie',
  'tie[ds]?\\b',
  'a draw',
  'dead heat',
  'equally (?:good|strong|matched|useful|effective)',
  'neither (?:is|skill is|one is) (?:clearly |really )?(?:better|stronger)',
  'no (?:clear )?winner',
  'too close to call',
  'cannot (?:pick|choose) (?:a winner|between)',
  "can't (?:pick|choose) (?:a winner|between)",
  'no preference',
  "(?:don't|do not) have an? (?:strong |clear )?(?:overall )?preference",
  'on par',
] as const;

/** No pick made, left to someone else: "I'm leaving the overall call to the editor". */
export const DECLINE_WORDS = [
  "(?:leave|leaving|i'll leave) the (?:overall |final )?(?:call|decision|choice|pick) to",
] as const;

/** A pick under a condition: "if you need X", "depends on". */
export const CONDITIONAL_WORDS = [
  'if you',
  'if your',
  'when you',
  'unless you',
  'if the (?:goal|priority|team|user)',
  "if (?:it|they|the agent|your agent)(?:'s| is| are| runs| works| has| can)",
  'depends on',
  'it depends',
  'depending on',
  'otherwise',
  'for (?:teams|users|readers|people) who',
] as const;

/** Doubt: "maybe", "merge them", "coin flip". */
export const UNSURE_WORDS = [
  'merge them',
  'combine (?:the two|both|them)',
  'best of both',
  'maybe',
  'perhaps',
  'not sure',
  'unsure',
  "can't decide",
  'cannot decide',
  'hard to say',
  'undecided',
  'coin flip',
  'toss-up',
] as const;

/** No overall call, on purpose: "I'm leaving the overall call to the editor", "no overall pick". */
export const NO_CALL_WORDS = [
  'leav(?:e|ing) the (?:overall |final )?(?:call|decision|verdict|choice|pick) to',
  "(?:i )?(?:won't|will not|do not|don't|would not|wouldn't) (?:make|give|name) an? (?:overall|final) (?:call|pick|verdict|winner)",
  'no overall (?:pick|winner|verdict|call|choice)',
  "(?:don't|do not) have an? (?:strong |clear )?(?:overall )?preference",
  '(?:which (?:one|skill) is better|the (?:choice|answer|winner)) depends on',
] as const;

/** Headings of the section that holds the decision. */
export const DECISIVE_HEADINGS = [
  'verdict',
  'decision',
  'winner',
  'ranking',
  'result',
  'pick',
  'choice',
  'recommendation',
] as const;

/** Headings of a concluding section. */
export const CONCLUDING_HEADINGS = [
  'recommendation',
  'bottom line',
  'conclusion',
  'final assessment',
  'overall assessment',
  'summary',
  'tl;?dr',
  'final thoughts',
  'overall',
] as const;

/** Words that name a blind label's kind even when only one label of it appears ("Response B"). */
export const BLIND_LABEL_KINDS = [
  'skill',
  'response',
  'option',
  'candidate',
  'submission',
  'entry',
  'artifact',
  'essay',
  'review',
  'statblock',
  'draft',
  'answer',
  'output',
  'sample',
  'text',
  'document',
  'story',
  'poem',
  'solution',
  'model',
  'assistant',
  'version',
  'proposal',
  'plan',
  'design',
  'summary',
] as const;
