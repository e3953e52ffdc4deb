// Word lists for claim checks: general English news usage only, never the names or phrases of one article.
// Grouped by what a claim check asks of a word: does it carry content, hedge, negate, quantify or name a date?

import irregularVerbs from 'english-verbs-irregular/dist/verbs.json';
import { stemWord } from '../text/stem';

const words = (s: string) => s.trim().split(/\s+/);

/** Function words: they carry no claim of their own. */
export const STOP_WORDS = new Set(
  words(`a an the and or but nor so yet of in on at to for from by with without into onto over under about after before
  during since until as than that this these those there here it its it's he she they them his her their we our us you your i me
  my is are was were be been being am has have had having do does did done who whom whose which what when where why how
  also just only even still then too very much more most such other another same own both either neither whether if
  while although though because one ones s said says say told tell tells added adds according while upon via per
  amid against among between across around through throughout again further once now ago back up down out off`),
);

/** Verbs and adverbs passed over when looking for the word a cue or a subject goes with. */
export const AUXILIARIES = new Set(
  words(`be been being is are was were am has have had having do does did to also still already just then now again
  further ever really actually reportedly`),
);

/** Negation cues. "few" and "little" count: "offered few details" says what "did not elaborate" says. */
export const NEGATIONS = new Set(words(`not no never none nobody nothing neither nor without cannot few little hardly barely`));

/** Modality classes: a hedge said another way keeps its class (could → might, likely → probably or expected). */
export const MODALITY: ReadonlyMap<string, string> = new Map([
  ...words('could might may can possibly potentially potential possible perhaps maybe conceivably').map((w) => [w, 'possible'] as const),
  ...words('likely probably expected expects expect probable').map((w) => [w, 'likely'] as const),
  ...words('unlikely improbable').map((w) => [w, 'unlikely'] as const),
  ...words('will shall certainly definitely surely impending certain inevitably inevitable guaranteed').map((w) => [w, 'certain'] as const),
  ...words('would').map((w) => [w, 'would'] as const),
  ...words('must should ought need needs').map((w) => [w, 'obligation'] as const),
]);

/** Adverbs and adjectives that outrank an auxiliary next to them ("will probably" is a hedge, not a promise). */
export const MODAL_ADVERBS = new Set(words('possibly potentially perhaps maybe likely probably certainly definitely surely inevitably expected'));

/** Quantifier classes. */
export const QUANTIFIERS: ReadonlyMap<string, string> = new Map([
  ...words('all every each entire whole any').map((w) => [w, 'all'] as const),
  ...words('most mostly majority').map((w) => [w, 'most'] as const),
  ...words('some several certain').map((w) => [w, 'some'] as const),
  ...words('many numerous').map((w) => [w, 'many'] as const),
]);

/** Quantifiers that claim something of a whole group: stating one where the source states none is a difference. */
export const STRONG_QUANTIFIERS = new Set(['all', 'most']);

/** Words of the same meaning in news paraphrase, one group a line; compared after stemming. */
const SYNONYM_GROUPS = `war conflict fighting invasion
offer extend provide give grant
accept agree consent endorse back support approve
guarantee guarantees assurance assurances protection
talks summit meeting negotiations
elaborate detail details explain
law legislation
pledge promise vow
applaud welcome praise hail
signal signalling show indicate indication
function work operate
resistance opposition objection
shift change
significant major big
unclear uncertain
deal settlement agreement accord
leader leaders
firm company business
boss chief executive ceo
rise increase hike raise climb gain
cut reduce lower slash eliminate
fund pay finance
fill pack
speaker speakers resident residents
ask urge request
postpone delay
consider discuss think weigh
finish complete
cause create
build construct construction building
warn caution
turn switch
shut close
recommend recommendation
outweigh exceed
defence defense
circumvent around
opposed against
topic subject issue
minister secretary
say tell add state note
begin start commence launch
end conclude halt
try seek attempt aim
need require
buy purchase acquire
small minor
government administration
country nation
officials authorities
attack assault
plan plans proposal scheme idea
weapons arms
troops soldiers
announce unveil
border frontier
protect defend guard
grow jump surge
fall drop decline decrease slump slide slip sink tumble plunge dip
resign quit
win secure obtain victory
important key crucial critical main
ceasefire truce
keep leave hold maintain remain stay
strike walkout stoppage
collapse fail
strong robust
forecast predict projection
shares stock stocks
lowest weakest
biggest largest steepest sharpest strongest
narrow shrink contract
timeline timetable schedule
bps basis
q1 q2 q3 q4 quarter
lawyer lawyers attorney attorneys counsel
fire blaze inferno
km kilometre kilometres kilometer kilometers
mile miles mi
captain skipper
goalkeeper keeper
final last
early earlier soon sooner
team side squad
cancel scrap axe
rest remainder
councillor councilor cllr`;

// One group a word: a word listed twice would silently leave its first group ("gain" rose with "rise" only once it
// left "win … obtain").
const GROUP_OF = new Map<string, number>();
SYNONYM_GROUPS.split('\n').forEach((line, k) => {
  for (const w of words(line)) if (!GROUP_OF.has(w)) GROUP_OF.set(w, k);
});

export function synonymEntries(): IterableIterator<[string, number]> {
  return GROUP_OF.entries();
}

const MEMBERS: string[][] = SYNONYM_GROUPS.split('\n').map(words);

/** The words of a synonym group (base forms, as listed). */
export function synonymMembers(group: number): readonly string[] {
  return MEMBERS[group] ?? [];
}

/** The synonym group of a lemma, or -1. */
export function synonymGroup(lemma: string): number {
  return GROUP_OF.get(lemma) ?? -1;
}

/** Pairs that say the opposite: a claim that uses one where the source uses the other states a negation. */
const ANTONYM_PAIRS = words(`accept:reject agree:refuse consent:refuse accept:refuse agree:reject confirm:deny support:oppose
back:oppose keep:lose win:lose rise:fall increase:decrease approve:reject allow:block welcome:condemn open:close
include:exclude willing:unwilling able:unable clear:unclear likely:unlikely raise:cut raise:lower increase:reduce increase:cut
upgrade:downgrade overweight:underweight gain:loss`).map((p) => p.split(':') as [string, string]);

const ANTONYMS = new Set<string>();
for (const [a, b] of ANTONYM_PAIRS) {
  for (const [x, y] of [
    [a, b],
    [stemWord(a), stemWord(b)],
  ] as const) {
    ANTONYMS.add(`${x}|${y}`);
    ANTONYMS.add(`${y}|${x}`);
  }
}

const ANTONYM_WORDS = new Set([...ANTONYMS].flatMap((p) => p.split('|')));

/** Whether a word (or stem) has an antonym in the list: only those are worth a pair look-up. */
export function hasAntonym(w: string): boolean {
  return ANTONYM_WORDS.has(w);
}

export function areAntonyms(a: string, b: string): boolean {
  return ANTONYM_WORDS.has(a) && ANTONYM_WORDS.has(b) && ANTONYMS.has(`${a}|${b}`);
}

/** english-verbs-irregular's table (RosaeNLG): base form → [past, past participle] pairs, 569 verbs. */
const IRREGULAR_TABLE: Record<string, string[][]> = irregularVerbs;

/**
 * Past participles of irregular verbs ("told", "held", "set"), for passives: "was told by the board". A form that is
 * also a base form of the table ("lay", "found") is left out.
 */
export const IRREGULAR_PARTICIPLES: ReadonlySet<string> = new Set(
  Object.values(IRREGULAR_TABLE)
    .flat()
    .map((p) => p[1] ?? '')
    .filter((w) => /^[a-z]+$/.test(w) && !(w in IRREGULAR_TABLE)),
);

/**
 * Irregular past forms → base form, so that "said" meets "say" and "rose" meets "rise": the table's forms (less those
 * that are base forms themselves, "lay" or "found"), and a few of our own that take precedence.
 */
export const IRREGULAR_LEMMAS: ReadonlyMap<string, string> = new Map([
  ...Object.entries(IRREGULAR_TABLE).flatMap(([base, forms]) =>
    forms
      .flat()
      .filter((w) => /^[a-z]+$/.test(w) && w !== base && !(w in IRREGULAR_TABLE))
      .map((w) => [w, base] as [string, string]),
  ),
  ...words(`said:say told:tell went:go gone:go gave:give given:give made:make took:take taken:take came:come held:hold met:meet
  thought:think spoke:speak spoken:speak won:win began:begin begun:begin rose:rise risen:rise led:lead left:leave paid:pay sold:sell
  found:find got:get kept:keep lost:lose sent:send spent:spend stood:stand saw:see seen:see knew:know known:know wrote:write
  written:write brought:bring bought:buy fell:fall fallen:fall struck:strike hit:hit cut:cut set:set put:put shut:shut
  built:build felt:feel heard:hear meant:mean ran:run drove:drive driven:drive chose:choose chosen:choose broke:break
  broken:break froze:freeze frozen:freeze withdrew:withdraw sought:seek taught:teach caught:catch fought:fight
  agreed:agree`).map((p) => p.split(':') as [string, string]),
]);

/** Several names for one place or body: compared as one entity. */
const ALIAS_GROUPS = `us u.s united_states america american americans washington white_house
russia russian russians moscow kremlin
ukraine ukrainian ukrainians kyiv kiev
eu european_union european_commission brussels
uk britain british united_kingdom london
pound sterling
nato alliance
turkey turkish turks
france french
germany german germans
netherlands dutch
spain spanish
poland polish
china chinese
japan japanese
greece greek
england english
scotland scottish scots
wales welsh
ireland irish
sweden swedish swedes
denmark danish danes
norway norwegian norwegians
finland finnish finns
portugal portuguese
switzerland swiss`;

const ALIAS_OF = new Map<string, number>();
ALIAS_GROUPS.split('\n').forEach((line, k) => {
  for (const w of words(line)) ALIAS_OF.set(w, k);
});

/** The alias group of a word, or of two words together ("united_states"), or -1. */
export function aliasGroup(key: string, next?: string): number {
  if (next !== undefined) {
    const pair = ALIAS_OF.get(`${key}_${next}`);
    if (pair !== undefined) return pair;
  }
  return ALIAS_OF.get(key) ?? -1;
}

/** Words that make a capitalized name an organisation. */
export const ORGANISATION_WORDS = new Set(
  words(`department ministry council committee commission agency office party parliament congress senate court bank fund
  trust society union energy corporation company inc ltd plc group association foundation institute university college
  school police army navy news times post journal network channel press radio television tv authority board service
  services administration order league club federation alliance coalition organisation organization agency bureau
  industry consortium confederation chamber reserve institution hospital hospitals clinic infirmary power electric
  utility utilities airlines airways motors holdings partners rail railway railways ferries networks oil gas petroleum
  mining
  reuters cnn bbc nbc cbs abc fox`),
);

/** Words that make a lower-case phrase a place ("the city's east side"). */
export const PLACE_WORDS = new Set(words('east west north south eastern western northern southern central coast coastal city town village county state'));

export const WEEKDAYS = words('sunday monday tuesday wednesday thursday friday saturday');

export const MONTHS = words('january february march april may june july august september october november december');

/** Month abbreviations as news styles write them (AP: "Sept. 24"). */
export const MONTH_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['jan', 0],
  ['feb', 1],
  ['mar', 2],
  ['apr', 3],
  ['jun', 5],
  ['jul', 6],
  ['aug', 7],
  ['sep', 8],
  ['sept', 8],
  ['oct', 9],
  ['nov', 10],
  ['dec', 11],
]);

/** Words that put a weekday in the future rather than the past. */
export const FUTURE_CUES = new Set(words('will next upcoming expected scheduled due shall'));

/** Pronouns: a subject that names nobody, so no agent can be compared. */
export const SUBJECT_PRONOUNS = new Set(words('he she it they we i you who which that this these those there'));

/** Role words a claim may name a person by ("the mayor", "the EU chief"); generic ones fit any title. */
export const ROLE_WORDS = new Set(
  words(`mayor minister secretary president chancellor governor senator envoy chief head leader boss director executive
  spokesman spokeswoman spokesperson inspector prosecutor premier ambassador commissioner chairman chairwoman chair
  ceo cfo coo superintendent captain skipper manager coach`),
);
export const GENERIC_ROLES = new Set(words('chief head leader boss'));
