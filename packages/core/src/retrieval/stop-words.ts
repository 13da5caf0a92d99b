/**
 * Words that carry no topic: function words, question scaffolding and vague verbs.
 * Why vague verbs ("work", "help", "get") are here: a message like "it doesn't work" must not look
 * like a confident match for whichever article happens to say "works"; topic words decide relevance.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any anyone anything are aren as at be because been
  before being below between both but by can cannot could couldn did didn do does doesn doing don done down
  during each either else ever every few for from further had hadn has hasn have haven having he her here
  hers herself him himself his how however i if in into is isn it its itself just let lets like me might
  more most much must mustn my myself need needs no nor not now of off on once only or other our ours
  ourselves out over own per please same shall she should shouldn so some such than that the their theirs
  them themselves then there these they this those through thus to too under until up upon us very was
  wasn we were weren what whatever when where whether which while who whom whose why will with won would
  wouldn yes yet you your yours yourself yourselves hi hello hey thanks thank ok okay
  s t d ll m re ve
  get gets got getting go goes going gone make makes made want wants wanted know tell say said
  help thing things stuff something someone somebody way ways anyway really actually still already
  work works working worked problem problems issue issues question questions happen happens happened
  possible able allowed try trying tried use using used see look looking
  currently recently soon ago find found`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/**
 * Words that qualify a question rather than name its topic: quantities, time units, "how long".
 * They still count, at a fraction of their weight, so "minimum order" and "two codes" do not sink
 * an otherwise clear match, yet can break a tie between two candidates.
 */
export const WEAK_WORDS: ReadonlySet<string> = new Set(
  `one two three four five six seven eight nine ten many few several first second last next new old
  long short day days today tonight tomorrow week weeks month months year years hour hours minute
  minutes time times number numbers amount total minimum maximum good best better`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
