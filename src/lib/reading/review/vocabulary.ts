// Data: the words and phrases a review of one artifact takes its stance with, as patterns (a "?"
// or a group inside one covers its spellings). The rules in rules/ build their expressions from
// them.

/** Words that come down for the artifact, as a verdict ("I would accept it", "LGTM"). */
export const ACCEPT_WORDS = [
  'accept(?:s|ed|ing)?',
  'approve[sd]?',
  'lgtm',
  'looks good to me',
  'ship it',
  '(?:would|will|could|can) (?:happily )?(?:ship|merge|adopt|use|deploy|sign off on) (?:it|this|them)',
  'good to (?:go|merge|ship)',
  'ready to (?:ship|merge|use|go)',
  'recommend(?:s|ed)? (?:it|this|adopting|merging|using|shipping)',
  'endorse[sd]?',
  'signs? off',
  'as[- ]is',
  'holds? up',
  'stands? up',
  'convinc(?:ed|ing)',
  'persuasive',
  'won me over',
  'agree with (?:its|the|their|this|that)(?: \\w+)?? (?:conclusion|verdict|finding|findings|recommendation|diagnosis|analysis|assessment)',
  'nothing (?:substantive |much |of substance )?to add',
  'no (?:substantive|major|serious|real|significant) (?:issues|objections|concerns|problems)',
] as const;

/** Words that come down against it ("I would reject its conclusion", "request changes"). */
export const REJECT_WORDS = [
  'reject(?:s|ed|ing)?',
  'request(?:ing)? changes',
  'changes requested',
  'do not merge',
  "don't merge",
  'not ready',
  'unsound',
  'unusable',
  'unconvinc(?:ed|ing)',
  'disagree with (?:its|the|their|this|that)(?: \\w+)?? (?:conclusion|verdict|finding|findings|recommendation|diagnosis|analysis|assessment)',
  'back to the drawing board',
  'scrap(?:ped)? it',
  'throw (?:it )?out',
  'block(?:s|ed|ing)? (?:it|this|the merge)',
  'needs? (?:a )?(?:major|substantial|significant|complete|full) (?:rework|rewrite|revision|overhaul)',
  'does not hold up',
  "doesn't hold up",
  'falls? apart',
  'falls? short',
  'fatally',
  'would not trust',
  'recommend(?:s|ed)? against',
  'advise against',
  'deal-?breaker',
  'show-?stopper',
  'non-?starter',
  'step backwards?',
  "wouldn't trust",
] as const;

/** Words of a stance between the two ("mixed", "half right", "accept with major reservations"). */
export const MIXED_WORDS = [
  'mixed',
  'partly (?:right|correct|sound|convincing)',
  'partially (?:right|correct|sound|convincing)',
  'half (?:right|correct)',
  'half and half',
  'half[- ]half',
  'with (?:major|serious|significant|strong|big) (?:reservations|caveats|concerns)',
  'right (?:conclusion|answer|diagnosis|idea)[^.]{0,60}\\b(?:wrong|bad|flawed|weak|sloppy|shaky) (?:method|reasoning|evidence|argument|process)',
  'right for the wrong reasons',
  'major revisions?',
  "some (?:of it|parts) (?:i would|i'd) (?:keep|accept)",
] as const;

/** Words that praise or fault a part without coming down on the whole. */
export const GOOD_WORDS = [
  'sound',
  'solid',
  'correct(?:ly)?',
  'accurate',
  'excellent',
  'thorough',
  'well[- ](?:argued|reasoned|written|structured|scoped|done|chosen)',
  'tidy',
  'strong',
  'useful',
  'clear',
  'right',
  'good',
  'great',
] as const;

export const BAD_WORDS = [
  'flawed',
  'wrong',
  'incorrect',
  'unsupported',
  'misleading',
  'misses',
  'missing',
  'vague',
  'sloppy',
  'dangerous',
  'risky',
  'weak',
  'overclaims?',
  'overstate[sd]?',
  'broken',
  'fails?',
  'problems?',
  'errors?',
  'mistakes?',
  'redo(?:ne|ing)',
] as const;

/** Words that turn a cue round when they stand just before it ("would not ship it"). */
export const NEGATORS = [
  'not',
  "n't",
  'never',
  'no',
  'hardly',
  'cannot',
  'nor',
  'without',
  'barely',
] as const;

/** A stance made under a condition, which is no stance by itself ("approve once it is fixed"). */
export const CONDITIONS = [
  'if',
  'once',
  'unless',
  'provided',
  'as long as',
  'until',
  'only after',
  'after (?:the|these|those|that|it)',
] as const;

/** The label of a line that states the stance ("Verdict: reject", "Recommendation: accept"). */
export const STANCE_LABELS = [
  'verdict',
  'decision',
  'recommendation',
  'stance',
  'overall',
  'bottom line',
  'conclusion',
  'outcome',
  'status',
  'result',
  'tl;?dr',
] as const;

/** Words a reviewer names its own artifact by ("my own analysis", "ours", "mine"). */
export const OWN_WORDS = [
  'mine',
  'ours',
  '(?:my|our) (?:own )?(?:skill|version|report|analysis|draft|submission|entry|answer|approach|proposal|write-?up|solution|take|one|doc|document|essay|plan|artifact|implementation|work|guide|notes|checklist|rules|design|fix|patch|figures|numbers|estimate|thesis|position|argument|projection|timeline|code|steps|piece|post)',
] as const;
