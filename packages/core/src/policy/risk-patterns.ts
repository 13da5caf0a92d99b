import type { RiskCategory } from "@handoff/contracts";

/** Rules that fire on wording alone, request or not, with the evidence phrase they match. */
export const TOPIC_PATTERNS: ReadonlyArray<[RiskCategory, RegExp]> = [
  [
    "prompt_injection",
    /\b(ignore|disregard|forget|override|bypass) (all |any |the |of |everything )*(previous|prior|above|earlier|preceding|system|original|initial|existing|safety|your)\b(?: \w+){0,2}? (instructions?|prompts?|rules|guidelines|directions|directives|constraints|programming)\b|(^|\n)\s*(system|assistant|developer|admin)\s*:|\b(system|hidden|initial|secret|original|internal) (prompt|instructions)\b|\b(you are|you're|now in|enter|switch to) (now )?(in )?(developer|dan|god|sudo|jailbreak|jailbroken|unrestricted) mode\b|\bjailbreak\w*\b|\b(print|reveal|show|repeat|output|display|leak|dump)\b(?: \w+){0,3}? (prompt|system message|(your|hidden|secret|system|initial) instructions)\b|\byou are now (a|an|in|no longer|my|dan|free|unrestricted|jailbroken)\b|\bpretend (to be|you are|you're)\b|\bact as (an? |the )?(admin|administrator|developer|system|unrestricted|dan)\b|<\/?(system|instructions?)>|\[\/?(inst|system)\]|<\|im_(start|end)\|>|\bnew instructions\s*:|\bdo anything now\b/,
  ],
  [
    "human_request",
    /\b(talk|speak|chat|(connect|transfer|put|escalate) me)\b(?: \w+){0,2}? (to|with|through to) (a |an |some |your |the )?(real |live |actual |human |customer service |customer support |support |service )?(person|human|agent|representative|rep|someone|somebody|manager|supervisor|operator|people|staff member|employee|team member)\b|\b(real|live|actual) (person|human|agent|people|representative)\b|\bhuman (agent|being|support|representative|help)\b|\b(get|give|want|need) (me )?(a|an|some) (human|agent|manager|supervisor|representative)\b|\b(not|no more|stop talking to|tired of) (a |this |the |your )?(bot|robot|machine|ai|chatbot)\b|\bescalate (this|my|it)\b|\b(call|ring|phone) me( back)?\b/,
  ],
  [
    "abuse",
    /\b(fuck\w*|shit\w*|bullshit|bastards?|assholes?|bitch\w*|idiots?|idiotic|morons?|stupid|useless|incompetent|pathetic|scam\w*|thie(f|ves)|liars?|rip-?off|wtf|damn)\b|\b(furious|livid|outraged|infuriat\w+|disgusted|fed up|sick and tired|pissed( off)?|so angry|very angry|really angry|unacceptable|ridiculous)\b|\bdone with (you|your company|this company|your service|your store|this store|your bank|this bank)\b|\bnever (order|buy|shop|purchase|use|come back|do business)\b(?: \w+){0,4}? again\b|\b(take|taking) my (business|money) (elsewhere|somewhere else)\b|\bworst (company|service|experience|customer service|support|store|bank)\b|\b(kill|hurt|beat|find) (you|your staff|your employees)\b|\b(switching|moving|going|leaving) (to|for) (a |another )?(competitor|another (company|bank|provider|carrier|store|service))\b/,
  ],
  [
    "legal",
    /\b(sue|suing|sued|lawsuits?|lawyers?|attorneys?|solicitors?|legal action|legal advice|legal proceedings|court|litigation|class action|small claims|liable|liability|subpoena|cease and desist|ombudsman|better business bureau|bbb|report you|consumer (protection|rights)|trading standards)\b/,
  ],
  [
    "medical",
    /\b(injur\w*|bleed\w*|blood|infect\w*|antibiotics?|medications?|medicines?|medicat\w*|prescri\w*|dosage|doses?|doctors?|physicians?|hospital\w*|emergency room|symptoms?|allerg\w*|rash|swollen|swelling|poison\w*|overdose|pregnan\w*|concussion|fractur\w*|sprain\w*|frostbite|hypothermia|altitude sickness|medical|diagnos\w*|wounds?)\b|\bhurt (myself|my|me|him|her|them|us)\b|\b(is it|it is|it's|would it be|how) safe\b(?: [\w,']+){0,6}? (baby|babies|infant|newborn|toddler|child|children|kid|kids|pregnant|elderly|\d+[- ](month|week|year)s?[- ]old)\b|\b(safe|okay|ok) to (eat|drink|swallow|ingest|inhale)\b/,
  ],
  [
    "political",
    /\b(politic\w*|democrats?|democratic party|republicans?|elections?|vote|voting|voted|senators?|congress\w*|parliament\w*|abortion|gun control|left-wing|right-wing|trump|biden|maga)\b/,
  ],
];
