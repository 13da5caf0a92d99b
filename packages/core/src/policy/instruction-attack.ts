import { LEADING_OPENERS } from "./screen-lexicon";
import { alternation, clauses, normalizeText, quote, sentences, unwrapMarkup } from "./screen-text";

/** How a text tries to take over the assistant. */
export type AttackKind = "override" | "role" | "new_rules" | "extraction" | "delimiter" | "authority";

/** An attempt to instruct the assistant, with the phrase that shows it. */
export interface InstructionAttack {
  kind: AttackKind;
  evidence: string;
}

/** What each kind means, for the person who reviews it. */
export const ATTACK_DESCRIPTIONS: Readonly<Record<AttackKind, string>> = {
  override: "tells the assistant to drop its instructions",
  role: "tries to give the assistant a new identity or role",
  new_rules: "gives the assistant new rules",
  extraction: "asks for the assistant's instructions or configuration",
  delimiter: "imitates the assistant's own prompt format",
  authority: "claims to be the assistant's developer or administrator",
};

// --- The assistant's own configuration: what an attack tells it to drop or reveal. ---

/** Nouns for the assistant's instructions. Business words ("the rules for returns") need a qualifier. */
const CONFIG = alternation([
  "instructions",
  "instruction",
  "rules",
  "rule",
  "guidelines",
  "directives",
  "directions",
  "constraints",
  "restrictions",
  "policies",
  "commands",
  "consignes",
  "regles",
  "anweisungen",
  "regeln",
  "vorgaben",
  "richtlinien",
  "befehle",
  "einschrankungen",
  "instrucciones",
  "reglas",
  "directrices",
  "indicaciones",
  "normas",
  "restricciones",
]);

/** Nouns that name the assistant's configuration without any qualifier. */
const OWN_CONFIG = alternation([
  "system prompt",
  "system message",
  "system instructions",
  "system rules",
  "instructions du systeme",
  "instructions systeme",
  "instrucciones del sistema",
  "reglas del sistema",
  "prompt",
  "prompts",
  "pre-prompt",
  "programming",
  "guardrails",
  "safety rules",
  "content policy",
  "filters",
  "training",
  "systemprompt",
  "prompt systeme",
  "prompt du systeme",
  "prompt de sistema",
  "prompt del sistema",
  "everything above",
  "everything before this",
  "what you were told",
  "what you've been told",
  "tout ce qu'on t'a dit",
  "alles was man dir gesagt hat",
  "todo lo que te dijeron",
  "todo lo anterior",
  "tout ce qui precede",
]);

/** Words that make a configuration noun the assistant's: "all previous", "your", "the system", "vorherigen". */
const QUALIFIER = alternation([
  "all",
  "any",
  "every",
  "your",
  "previous",
  "prior",
  "above",
  "earlier",
  "preceding",
  "original",
  "initial",
  "system",
  "existing",
  "current",
  "default",
  "standard",
  "built-in",
  "hidden",
  "internal",
  "safety",
  "old",
  "given",
  "those",
  "toutes",
  "tous",
  "tes",
  "vos",
  "precedentes",
  "anterieures",
  "initiales",
  "alle",
  "deine",
  "deinen",
  "ihre",
  "vorherigen",
  "bisherigen",
  "vorigen",
  "obigen",
  "ursprunglichen",
  "todas",
  "todos",
  "tus",
  "sus",
  "anteriores",
  "previas",
  "originales",
]);

/** The customer's own things: "ignore my previous message", "mes instructions de livraison". */
const MINE =
  /\b(?:my|mine|our|mon|ma|mes|notre|nos|mein|meine|meinen|meiner|unsere|mi|mis|nuestra|nuestras)\b/;
/** A first-person speaker: "should I ignore the instructions?" is the customer's own question. */
const FIRST_PERSON = /\b(?:i|we|je|j'|nous|ich|wir|yo|nosotros)\b/;
const SECOND_PERSON = /\b(?:you|u|tu|toi|te|vous|du|dich|dir|sie|usted|ustedes)\b/;
/** A topic after the noun makes it the business's: "instructions for the grinder", "reglas para devoluciones". */
const TIME_AFTER =
  /^\s*(?:for|pour|fur|para) (?:this|the rest|now|a moment|a minute|a second|a while|a bit|once|the next|ce|cette|diese|dieses|esta|este)\b/;
const TOPIC_AFTER =
  /^\s*(?:for|on|about|regarding|concerning|of|to|pour|sur|de|des|du|fur|zu|uber|zum|zur|para|sobre|del)\b/;

const MANIPULATE = alternation([
  "ignore",
  "disregard",
  "forget",
  "override",
  "overwrite",
  "bypass",
  "skip",
  "drop",
  "discard",
  "abandon",
  "set aside",
  "put aside",
  "neglect",
  "stop following",
  "don't follow",
  "do not follow",
  "no longer follow",
  "ignorez",
  "ignorer",
  "oublie",
  "oubliez",
  "oublier",
  "ne tiens pas compte",
  "ne tenez pas compte",
  "fais abstraction",
  "faites abstraction",
  "outrepasse",
  "ignoriere",
  "ignorier",
  "ignorieren",
  "vergiss",
  "vergessen",
  "missachte",
  "missachten",
  "uberschreibe",
  "ignora",
  "ignorar",
  "ignore",
  "olvida",
  "olvide",
  "olvidar",
  "olvidate",
  "omite",
  "omita",
  "descarta",
  "haz caso omiso",
]);

const REVEAL = alternation([
  "print",
  "reveal",
  "show",
  "show me",
  "tell me",
  "repeat",
  "output",
  "display",
  "dump",
  "leak",
  "share",
  "give me",
  "list",
  "write out",
  "write down",
  "paste",
  "recite",
  "summarize",
  "summarise",
  "translate",
  "spell out",
  "disclose",
  "expose",
  "echo",
  "copy",
  "read back",
  "montre",
  "montre-moi",
  "montrez",
  "montrez-moi",
  "affiche",
  "affichez",
  "revele",
  "revelez",
  "repete",
  "repetez",
  "donne-moi",
  "donnez-moi",
  "dis-moi",
  "dites-moi",
  "ecris",
  "ecrivez",
  "copie",
  "zeig",
  "zeige",
  "zeig mir",
  "zeigen sie",
  "zeigen sie mir",
  "gib",
  "gib mir",
  "geben sie",
  "nenne",
  "nennen sie",
  "wiederhole",
  "wiederholen sie",
  "verrate",
  "verraten sie",
  "schreib",
  "schreibe",
  "muestra",
  "muestrame",
  "muestre",
  "dime",
  "digame",
  "revela",
  "revele",
  "repite",
  "repita",
  "escribe",
  "ensename",
  "dame",
]);

/** What an extraction asks for besides the configuration nouns: the text before the chat, the keys. */
const HIDDEN_TEXT =
  /\b(?:(?:the |all the |all )?(?:text|words|messages?|content|conversation|lines?)\b(?: \w+){0,3}? (?:above|before (?:this|my|mine|the (?:first|start))|that came before|you were given|preceding)|everything (?:above|before this)|(?:your|the) (?:api key|secret key|access token|environment variables|env vars|source code|configuration|config|credentials))\b/;

/** A request made to the assistant before its verb: "can you", "I want you to", "you must", "je veux que tu". */
const REQUEST_FRAME = new RegExp(
  `^(?:(?:can|could|would|will) (?:you|u)(?: please| kindly| just)?|(?:i|we) (?:want|need|would like|'d like) you to|you (?:must|should|will|need to|have to|are to|shall)(?: now| always| simply)?|(?:peux-tu|pouvez-vous|pourrais-tu|pourriez-vous|je veux que tu|je veux que vous|tu dois|vous devez)|(?:kannst du|konnen sie|konntest du|ich will,? dass du|du musst|sie mussen)|(?:puedes|puede|podrias|quiero que|debes|tienes que))\\s+`,
);
/** "AI, ...", "Bot: ...": a vocative the assistant is addressed by. */
const VOCATIVE =
  /^(?:(?:dear|hey|hi|hello|ok|okay|listen|cher|chere|liebe|lieber|hola|querido|querida)\s+)?(?:ai|bot|chatbot|assistant|model|gpt|chatgpt|ia|ki|assistent|asistente)\b[\s,:]*/;

const MANIPULATE_RE = new RegExp(`\\b(?:${MANIPULATE})\\b`);
const CONFIG_RE = new RegExp(`\\b(?:${CONFIG})\\b`, "g");
const OWN_CONFIG_RE = new RegExp(`\\b(?:${OWN_CONFIG})\\b`);
const QUALIFIER_RE = new RegExp(`\\b(?:${QUALIFIER})\\b`);
const REVEAL_START = new RegExp(`^(?:${REVEAL})\\b`);

// --- Phrasings whose structure is the attack: a copula with a change of time, a new rule set. ---

const ROLE = [
  /\byou(?:'re| are) (?:now|from now on|henceforth) (?:an?|the|in|free|called|named|going to be|no longer|unrestricted|unfiltered|jailbroken|allowed|permitted|able|dan|evil|\w+bot|\w+gpt)\b|\byou(?:'re| are) no longer (?:an?|the|bound|restricted|limited|required|a bot|an ai|an assistant)\b/,
  /\b(?:from now on|henceforth|going forward|for the rest of (?:this|the) (?:chat|conversation)),? (?:you(?:'re| are| will be| must| shall| have no)|your (?:role|name|job|task|rules|instructions|only)|act|behave|pretend)\b/,
  /\b(?:pretend|imagine) (?:to be|you(?:'re| are| were)|that you|being)\b/,
  /\b(?:role-?play|let'?s play a game|play the (?:role|part) of|stay in character|break character|impersonate|you will be playing)\b/,
  /\byour new (?:name|role|persona|identity|personality|character)\b/,
  /\b(?:developer|dan|god|sudo|jailbreak|jailbroken|unrestricted|unfiltered|uncensored|debug|admin|maintenance) mode\b|\bjailbreak\w*|\bdo anything now\b|\bunfiltered\b|\buncensored\b/,
  /\b(?:answer|respond|reply|talk|speak|act|behave|operate)\b[^.]{0,30}\bwithout (?:any )?(?:restrictions|filters|rules|limits|limitations|censorship|guidelines|safeguards)\b/,
  // fr
  /\b(?:tu es|t'es|vous etes) (?:maintenant|desormais|a present|dorenavant) (?:un|une|le|la|mon|ma|en|libre|autorise|autorisee|dan)\b/,
  /\b(?:a partir de maintenant|desormais|dorenavant),? (?:tu|vous|ton|votre|reponds|repondez|agis|agissez)\b/,
  /\b(?:fais|faites|faisons) semblant\b|\bfais comme si\b|\bfaites comme si\b/,
  /\b(?:joue|jouez|jouons) (?:le|un) role\b|\b(?:agis|agissez) (?:comme|en tant que)\b|\bimagine(?:z)? que (?:tu es|vous etes)\b/,
  /\bmode (?:developpeur|sans restriction|dieu|admin)\b|\bsans (?:aucune )?(?:restrictions?|filtres?|regles|limites)\b/,
  // de
  /\b(?:du bist|sie sind) (?:jetzt|nun|ab jetzt|ab sofort|ab heute|von nun an) (?:ein|eine|der|die|das|mein|meine|im|frei|dan|nicht mehr)\b/,
  /\b(?:ab jetzt|ab sofort|von nun an),? (?:bist du|sind sie|wirst du|werden sie|antwortest du|antworten sie|du|sie|dein|ihr)\b/,
  /\b(?:tu|tun sie) so,? als\b|\b(?:spiel|spiele|spielen sie) (?:die|eine) rolle\b|\bstell dir vor,? du bist\b|\bstellen sie sich vor,? sie sind\b|\bverhalte dich (?:wie|als)\b/,
  /\bentwicklermodus\b|\bohne (?:jegliche |alle )?(?:einschrankungen|filter|regeln|grenzen)\b/,
  // es
  /\b(?:ahora|a partir de ahora|desde ahora) (?:eres|seras|usted es|actuas|actuaras|vas a ser) (?:un|una|el|la|mi|libre|dan|como)\b/,
  /\ba partir de ahora,? (?:tu|usted|eres|seras|debes|vas a|responde|responderas|actua)\b/,
  /\b(?:finge|finja|fingir) (?:que|ser)\b|\bhaz de cuenta\b|\b(?:actua|actue|comportate) como\b|\b(?:juega|interpreta|haz) (?:el|un) (?:papel|rol)\b|\bimagina que eres\b|\bhazte pasar por\b/,
  /\bmodo (?:desarrollador|dios|sin restricciones)\b|\bsin (?:ninguna )?(?:restricciones|restriccion|filtros|reglas|limites)\b/,
];

/** "act as a ...", "respond as if ...": a role only when it is asked of the assistant (see roleRequest). */
const ACT_AS =
  /^(?:act|behave|respond|answer|reply|speak|talk|write) (?:as|like) (?:if|though|an?|my|the|dan|someone|somebody|a different)\b/;

const NEW_RULES = [
  /\bnew (?:rules?|instructions?|directives?|guidelines?|system prompt|prompt|persona|task|objective|orders)\s*(?::|-|are\b|is\b|apply\b|follow\b|take effect\b)/,
  /\b(?:here are|these are|follow|obey) (?:your|these|the following|my) (?:new |updated |real )?(?:rules|instructions|directives|orders)\b/,
  /\byour (?:new|real|actual|updated|only|true) (?:instructions|rules|task|objective|goal|purpose|directive|job|mission)\b/,
  /\byour (?:instructions|rules|task|objective|goal|purpose|job|mission) (?:is|are) (?:now|to|as follows)\b/,
  /\b(?:updated|revised|overriding|override) (?:system )?(?:instructions|prompt|rules)\b/,
  /\b(?:these|the following|my|this) (?:rules?|instructions?|message) (?:override|overrides|replace|replaces|supersede|supersedes|overrule|overrules|take precedence|takes precedence)\b/,
  /\b(?:override|supersede|overrule|take precedence over) (?:all |any |your |the )?(?:previous |prior |other |existing |original )?(?:rules|instructions|guidelines|prompt)\b/,
  /\bnouvelles? (?:regles?|instructions?|consignes?|directives?)\s*(?::|-|sont\b|s'appliquent\b)/,
  /\b(?:voici|ce sont) (?:tes|vos) (?:nouvelles )?(?:regles|instructions|consignes)\b|\b(?:tes|vos) (?:nouvelles )?(?:regles|instructions|consignes) sont\b/,
  /\bneue (?:regeln|anweisungen|vorgaben|befehle|richtlinien|instruktionen)\s*(?::|-|sind\b|lauten\b|gelten\b)/,
  /\b(?:hier sind|das sind) (?:deine|ihre) (?:neuen )?(?:regeln|anweisungen)\b|\b(?:deine|ihre) (?:neuen )?(?:regeln|anweisungen) (?:sind|lauten)\b/,
  /\bnuevas? (?:reglas?|instrucciones?|directrices?|normas?)\s*(?::|-|son\b)/,
  /\b(?:estas son|aqui estan|aqui tienes) (?:tus|sus) (?:nuevas )?(?:reglas|instrucciones)\b|\b(?:tus|sus) (?:nuevas )?(?:reglas|instrucciones) son\b/,
];

const EXTRACTION_QUESTIONS = [
  /\bwhat (?:were|have) you (?:been )?(?:told|instructed|programmed|prompted|asked) (?:to|not to|before|earlier|initially|at the start|by)\b/,
  /\bhow (?:were|are|have) you (?:been )?(?:programmed|instructed|prompted|configured)\b/,
  /\b(?:what|which) (?:instructions|rules|guidelines|directives|prompt) (?:were|are|have|do) you (?:been )?(?:given|following|told|using|under|follow|have|obey)\b/,
  /\bwhat (?:is|are|was|were) (?:your|the) (?:initial |original |hidden |secret |internal |exact |first |full )*(?:system prompt|prompt|system message|instructions|programming)\b(?!\s*(?:for|on|about|regarding|of)\b)/,
  /\b(?:what|which) (?:is|are|was|were) (?:your|the) (?:initial|original|hidden|secret|internal|exact|system) (?:rules|guidelines|directives)\b/,
  /\bsystem ?prompt\b|\bprompt (?:systeme|du systeme|de sistema|del sistema)\b|\bsystem(?:nachricht|anweisungen)\b/,
  /\bquel(?:le)?s? (?:sont|etaient|est) (?:tes|vos|ton|votre) (?:instructions|consignes|regles|directives|prompt)\b(?!\s*(?:pour|sur|de|des|du)\b)/,
  /\bwas (?:sind|waren|ist) (?:deine|ihre|dein|ihr) (?:anweisungen|regeln|vorgaben|instruktionen|prompt)\b(?!\s*(?:fur|zu|uber|zum|zur)\b)/,
  /\bcuales (?:son|eran) (?:tus|sus) (?:instrucciones|reglas|directrices)\b(?!\s*(?:para|sobre|de|del)\b)/,
];

/** Text laid out like the assistant's own prompt: role labels, chat-template tokens, our delimiters. */
const DELIMITERS = [
  /(?:^|\n)\s*(?:#+\s*|\*\*|\[|<)?\s*(?:system|assistant|developer|admin|administrator|ai|bot|model|sistema|systeme|asistente)\s*(?:\]|>|\*\*)?\s*:/,
  /<\|?\s*(?:im_start|im_end|endoftext|system|eot_id|start_header_id|end_header_id)\s*\|?>/,
  /\[\/?\s*(?:inst|sys|system)\s*\]|<<\/?\s*sys\s*>>/,
  /<\/?\s*(?:system|instructions?|prompt|assistant|developer|customer_message|reference_data|approved_examples|recent_turns)\b[^>]*>/,
  /```\s*(?:system|prompt|instructions?|assistant|developer)\b/,
  /"role"\s*:\s*"(?:system|assistant|developer)"/,
  /(?:^|\n)\s*#{1,6}\s*(?:system|instructions?|new instructions|assistant|developer)\b/,
];

const AUTHORITY = [
  /\b(?:i am|i'm|this is) (?:your|the assistant's|the bot's) (?:developer|creator|admin|administrator|owner|programmer|operator|maker|trainer)\b/,
  /\bthis is (?:openai|anthropic|the system administrator|your system administrator)\b/,
  /\bas (?:your|the bot's|the assistant's) (?:developer|creator|admin|administrator|owner|programmer|operator)\b/,
  /\b(?:admin|sudo|root|developer|maintenance|god) (?:override|access|command|privileges)\b/,
  /\bje suis (?:ton|votre) (?:developpeur|createur|administrateur|programmeur)\b/,
  /\bich bin (?:dein|ihr) (?:entwickler|ersteller|administrator|programmierer|schopfer)\b/,
  /\bsoy (?:tu|su) (?:desarrollador|creador|administrador|programador)\b/,
];

/**
 * The first attempt in `text` to instruct the assistant rather than ask the business something:
 * dropping its instructions, a new identity or rule set, extracting its configuration, text laid out
 * as its prompt, or a claimed authority over it; null when there is none. Quoted, commented or
 * fenced text is read as plain sentences, so an instruction cannot hide in markup; "ignore my
 * previous message" or "the assembly instructions are missing" are not instructions to the assistant.
 */
export function findInstructionAttack(text: string): InstructionAttack | null {
  const normalized = normalizeText(text);
  for (const pattern of DELIMITERS) {
    const match = pattern.exec(normalized);
    if (match) return { kind: "delimiter", evidence: quote(match[0]) };
  }
  const plain = unwrapMarkup(normalized);
  for (const pattern of DELIMITERS.slice(0, 1)) {
    const match = pattern.exec(plain);
    if (match) return { kind: "delimiter", evidence: quote(match[0]) };
  }
  // Phrasings whose shape is the attack are read line by line (a rule set may follow a colon) ...
  for (const line of plain.split(/\n+/)) {
    const found =
      phrasing("authority", AUTHORITY, line) ??
      phrasing("new_rules", NEW_RULES, line) ??
      phrasing("role", ROLE, line) ??
      phrasing("extraction", EXTRACTION_QUESTIONS, line);
    if (found) return found;
  }
  // ... requests by clause, where who is asked and whose instructions they are can be told.
  for (const sentence of sentences(plain)) {
    for (const clause of clauses(sentence)) {
      const kind = clauseAttack(clause);
      if (kind) return { kind, evidence: quote(sentence) };
    }
  }
  return null;
}

function phrasing(kind: AttackKind, patterns: readonly RegExp[], line: string): InstructionAttack | null {
  for (const pattern of patterns) {
    const match = pattern.exec(line);
    if (match) return { kind, evidence: quote(line.slice(Math.max(0, match.index - 40))) };
  }
  return null;
}

function lastWords(text: string, count: number): string {
  return text.trim().split(/\s+/).slice(-count).join(" ");
}

/** Override, reveal and "act as" requests, judged by who is asked and whose instructions they are. */
function clauseAttack(clause: string): AttackKind | null {
  const opened = clause.replace(LEADING_OPENERS, "").replace(VOCATIVE, "").replace(LEADING_OPENERS, "");
  const framed = opened.slice(REQUEST_FRAME.exec(opened)?.[0].length ?? 0);
  if (ACT_AS.test(framed) && framed !== opened.trim()) return "role";
  if (ACT_AS.test(opened)) return "role";

  const manipulate = MANIPULATE_RE.exec(opened);
  if (manipulate) {
    const before = opened.slice(0, manipulate.index);
    const customerSpeaks = FIRST_PERSON.test(before) && !SECOND_PERSON.test(before);
    if (!customerSpeaks && assistantConfig(opened)) return "override";
  }
  if (REVEAL_START.test(framed)) {
    const object = framed.replace(REVEAL_START, "");
    if (HIDDEN_TEXT.test(object) || assistantConfig(object)) return "extraction";
  }
  return null;
}

/** Whether the clause names the assistant's own instructions (not the customer's, not a product's). */
function assistantConfig(clause: string): boolean {
  const own = OWN_CONFIG_RE.exec(clause);
  if (own && !MINE.test(lastWords(clause.slice(0, own.index), 3))) {
    // A bare "prompt" is also a device's ("the prompt on the screen"): only one that is clearly the assistant's counts.
    if (!/^prompts?$/.test(own[0])) return true;
    if (
      /\b(?:your|initial|original|system|hidden|previous|above|earlier|all|any)\s+$/.test(
        clause.slice(0, own.index),
      )
    )
      return true;
  }
  for (const match of clause.matchAll(CONFIG_RE)) {
    const lead = lastWords(clause.slice(0, match.index), 4);
    const after = clause.slice(match.index + match[0].length);
    const trail = after.split(/\s+/).slice(0, 3).join(" ");
    if (MINE.test(lead)) continue;
    if (!QUALIFIER_RE.test(lead) && !QUALIFIER_RE.test(trail)) continue;
    // "the rules for returns", "instructions pour le moulin": a topic makes them the business's.
    if (TOPIC_AFTER.test(after) && !TIME_AFTER.test(after)) continue;
    return true;
  }
  return false;
}
