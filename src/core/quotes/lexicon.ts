// Word lists for attribution: general English news usage only, never the names or phrases of one article.

/** Reporting verbs that introduce or follow speech. */
export const SPEECH_VERBS = new Set(
  (
    'said says say told tells added adds vented vents reacted reacts pledged pledges muttered mutters laughed laughs posited posits messaged asked asks stated states declared declares wrote writes noted notes ' +
    'explained explains insisted insists argued argues warned warns recalled recalls replied replies responded responds ' +
    'continued continues announced announces acknowledged acknowledges admitted admits claimed claims commented comments ' +
    'remarked remarks tweeted tweets posted posts called calls described describes urged urges conceded concedes ' +
    'concluded concludes emphasized emphasizes emphasised emphasises stressed stresses promised promises vowed vows ' +
    'boasted boasts joked jokes quipped quips countered counters observed observes predicted predicts suggested suggests ' +
    'cautioned cautions confirmed confirms maintained maintains reiterated reiterates shouted shouts whispered whispers ' +
    'testified testifies answered answers implored implores interjected interjects gushed gushes scoffed scoffs ' +
    'charged charges contended contends complained complains lamented laments mused muses retorted retorts ' +
    'snapped snaps yelled yells chimed asserted asserts alleged alleges demanded demands pleaded pleads ' +
    'proclaimed proclaims speculated speculates wondered wonders thundered ' +
    'exclaimed exclaims marveled marvelled groused grumbled fumed raged griped opined mocked teased ' +
    'reasoned recounted conceded cautioned advised added predicted hinted admitted disclosed revealed ' +
    'texted emailed wrote write tweet tweeted say ' +
    'questioned questions pressed presses assured assures echoed echoes interrupted interrupts sniped snipes chided ' +
    'bragged brags sighed elaborated clarified relayed reminded reminds informed stated quoted ' +
    'beamed exulted enthused crowed cracked sniffed scolded scolds remembered screamed chanted cheered roared reported repeated repeats retaliated'
  ).split(' '),
);

/** Things whose words are quoted: "a headline that said", "a sign which read" (not an ad: a campaign's words). */
export const DOCUMENT_NOUNS = new Set(
  'headline headlines sign signs banner banners caption message statement letter post tweet note memo document report title slogan poster placard shirt billboard email flyer leaflet mailer petition resolution'.split(
    ' ',
  ),
);

/** Participles that report the words after them: "…, saying, “…”". */
export const PARTICIPLES_OF_SAYING = new Set('saying adding writing noting declaring arguing insisting warning telling asking explaining'.split(' '));

/** Verbs after which a following name is the listener, not the speaker ("told CNN"). */
export const OBJECT_TAKING_VERBS = new Set([
  'told',
  'tells',
  'asked',
  'asks',
  'urged',
  'urges',
  'called',
  'calls',
  'thanked',
  'assured',
  'assures',
  'questioned',
  'questions',
  'pressed',
  'presses',
  'reminded',
  'reminds',
  'informed',
  'quoted',
]);

/** Adverbs and auxiliaries that may stand between a speaker and the verb ("Witkoff also said"). */
export const ADVERBS_BETWEEN = new Set(
  'also later then has had have would will previously once repeatedly again reportedly recently separately publicly privately earlier further quickly simply just only last had already subsequently initially'.split(
    ' ',
  ),
);

export const PRONOUNS = new Set(['he', 'she', 'they', 'it']);

/** Cues before a name that tell a person's gender (for pronouns): "Ms. Ilves", "spokeswoman Ruth Ilves". */
export const FEMALE_CUES = new Set([
  'mrs',
  'ms',
  'miss',
  'spokeswoman',
  'congresswoman',
  'chairwoman',
  'businesswoman',
  'wife',
  'mother',
  'daughter',
  'sister',
  'actress',
  'first lady',
]);
export const MALE_CUES = new Set(['mr', 'spokesman', 'congressman', 'chairman', 'businessman', 'husband', 'father', 'son', 'brother', 'actor']);

/**
 * Words that make a capitalized run something other than a speaker: outlets and platforms ("on Twitter", a
 * "Name, Outlet:" round-up), weekdays and months, and words that start a sentence.
 */
export const NON_SPEAKER_WORDS = new Set(
  (
    'twitter facebook instagram youtube tiktok reddit snapchat linkedin cnn msnbc fox nbc abc cbs npr pbs bbc reuters ' +
    'ap politico breitbart axios bloomberg monday tuesday wednesday thursday friday saturday sunday january february ' +
    'march april june july august september october november december today tonight yesterday tomorrow ' +
    'news times post journal herald tribune gazette magazine radio television tv network channel'
  ).split(' '),
);

/** Words that open a sentence before its subject: "In a statement, …", "But …", "On Tuesday, …". */
export const SUBJECT_PREFIX_WORDS = new Set(
  (
    'in on at during after before while when as since though although because but and yet so still meanwhile instead ' +
    'however also then speaking asked earlier later last this that for with without despite amid following under over ' +
    'by from if once until unlike like throughout'
  ).split(' '),
);

/**
 * Titles that make one capitalized word after them a person's name ("Sen. Ochoa", "Mayor Varga"), unlike words
 * that only qualify one ("Former Pennsylvania governor", "Republican Party").
 */
export const PERSON_TITLES = new Set(
  (
    'President Senator Sen. Representative Rep. Governor Gov. Mayor King Queen Prince Princess Pope Dr. Dr Mr. Mr Mrs. ' +
    'Mrs Ms. Ms Miss Sir Dame Lord Lady Judge Justice Chancellor Secretary Minister Gen. General Ambassador Envoy ' +
    'Spokesman Spokeswoman Commissioner Director Chairman Chairwoman Colonel Col. Lt. Captain Capt. Sergeant Sgt. ' +
    'Professor Prof. Rev. Father Speaker Sheikh Premier Emperor Congressman Congresswoman Councilman Councilwoman ' +
    'Alderman Alderwoman Sheriff Pastor Bishop Rabbi Imam Cardinal Coach Detective Inspector Officer Sens. Reps. Atty.'
  ).split(' '),
);

/** Titles and roles stripped from the front of a name: "European Commission President Ursula von der Leyen". */
export const TITLE_WORDS = new Set(
  (
    'President Vice Prime Minister Chancellor Secretary General Gen. Senator Sen. Representative Rep. Governor Gov. ' +
    'Mayor King Queen Prince Princess Pope Dr. Dr Mr. Mr Mrs. Mrs Ms. Ms Miss Sir Dame Lord Lady Judge Justice Chief ' +
    'Commissioner Ambassador Envoy Spokesman Spokeswoman Spokesperson Director Chairman Chairwoman Chair CEO ' +
    'Commander Admiral Colonel Col. Lt. Captain Capt. Sergeant Sgt. Professor Prof. Rev. Father Speaker Leader Premier ' +
    'Emperor Sheikh Minister Deputy Acting Former Foreign Defense Defence Interior Finance Special Adviser Advisor Counsel ' +
    'Attorney Officer Superintendent Inspector Detective Coach Manager Executive Founder Editor Correspondent Analyst ' +
    'Economist Columnist Commentator Contributor Reporter Journalist Historian Novelist Comedian Lawyer Consultant Spokesmen Officials Official Lawmaker Congressman Congresswoman Councillor Councilman Councilwoman ' +
    'Republican Republicans Democrat Democrats Democratic GOP Independent Libertarian Representatives Senators ' +
    'Sens. Reps. Gen Ret. State Nominee Candidate Presidential Front-runner Hopeful Businessman Businesswoman ' +
    'Billionaire Strategist Pollster Host Anchor Activist Author Former Candidate Lt. Gov Atty. Attorney-General Whip ' +
    'Majority Minority Mr Mrs Ms Miss Alderman Alderwoman Sheriff Trooper Officer Pastor Bishop Rabbi Imam Cardinal'
  ).split(' '),
);

/** Words that mark a capitalized run as an organisation, place or work, not a person. */
export const NON_PERSON_WORDS = new Set(
  (
    'House Union States Nations Kingdom Republic Commission Council Committee Ministry Department Agency Office Party ' +
    'Parliament Congress Senate Court Board Authority Bureau Caucus Campaign Panel Society Trust Chamber Bank Fund Forces Force Army Navy News Times Post Journal Sunday Monday Tuesday ' +
    'Wednesday Thursday Friday Saturday Street University Institute Organization Organisation Corporation Company Inc. ' +
    'Inc Ltd Group Association Foundation Center Centre Church Airport Base Station Sea Ocean River Island Islands City ' +
    'County Province Region Coast Bay Mountains Square Palace Coalition Alliance Service Services Administration Guard ' +
    'Police Club League Cup Museum Hospital School College Press Radio Television TV Network Channel Review Magazine ' +
    'Daily Weekly Herald Tribune Gazette Telegraph Guardian Federation Assembly Summit Treaty Agreement Act Article ' +
    'January February March April May June July August September October November December Day Week Year War Accord ' +
    'Street Avenue Road Valley Hills Lake Peninsula Strait Gulf Desert Forest Park Hall Tower Bridge Gate Cabinet Embassy ' +
    'American Americans African Asian Hispanic Hispanics Latino Latinos Latina Latinas ' +
    'PAC Pac PACs Security Science Sciences Studies Policy Research Affairs Relations Development Partners Action Progress ' +
    'Rights Liberties Initiative Project Enterprise Exchange Holdings Media Communications Strategies Solutions ' +
    'Technologies Industries Systems Consulting Associates Labs Edition Staff Team Unit Division Corps Command Squad State ' +
    'Brigade Battalion Regiment Fleet Patrol Program Programme Podcast Show Democrat Democrats Republican Republicans Islander Islanders'
  ).split(' '),
);

/** First words of place names that otherwise look like "Firstname Lastname". */
export const PLACE_PREFIXES = new Set(
  'New North South East West Saudi San Santa Los Las El Fort Port Mount Hong Costa Sri Great United Northern Southern Eastern Western Central Middle Upper Lower Holy Old Sierra Puerto Buenos Rio'.split(
    ' ',
  ),
);

/** Capitalized words at a sentence start that are not names. */
export const NOT_NAME_STARTS = new Set(
  (
    'The A An This That These Those It Its In On At For From By With Without To Of And But Or Nor So Yet If When While ' +
    'After Before During Since Until As Because Although Though Even Once Then There Here We I You He She They His Her ' +
    'Their Our My Your Meanwhile However Still Also Yesterday Today Tomorrow Tonight Last Next Earlier Later Now Asked ' +
    'Said Says Added Adds Wrote Writes Told Tells Noted Notes Recalled ' +
    'Speaking According Under Over Between Among Against About Across Despite Following Amid Both Neither Either Each ' +
    'Every Some Many Most Several Such What Which Who Whom Whose Where Why How Yes No Not Mr Like Unlike Instead Thus ' +
    'Whether Whatever Whoever Perhaps Maybe Indeed Nor Only Just Almost Nearly Besides Had Has Have Will Would Could ' +
    'Should Did Does Do Is Was Are Were Can May Might Must Shall Let Dear Hey Oh Sure Well Thanks Congratulations Leaked ' +
    'Any All Another Other Few Whenever Wherever See Wait Look Listen Remember Consider Imagine Likewise Similarly Moreover ' +
    'Furthermore Nonetheless Nevertheless Otherwise Accordingly Consequently Additionally Again Afterward Afterwards Finally ' +
    'Overall Ultimately Eventually Initially Originally Apparently Clearly Obviously Frankly Honestly Unfortunately Fortunately ' +
    'Hence Therefore Regardless Notably Specifically Separately Elsewhere Conversely Alternatively Incidentally'
  ).split(' '),
);

/** Lower-case particles inside names: Ursula von der Leyen, Ludwig van Beethoven. */
export const NAME_PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'da', 'di', 'del', 'della', 'la', 'le', 'bin', 'al', 'ibn', 'dos', 'du', 'ter', 'ten', 'y']);

/** Small words that may stay lower case in a title of a work. */
export const TITLE_SMALL_WORDS = new Set('a an the and or but nor of in on at to for by with from as vs via'.split(' '));

/** Prepositions and nouns that introduce the title of a programme or work. */
export const WORK_CUES = new Set(
  'on in at of from for to by with titled entitled called named dubbed show programme program film movie book song series newspaper magazine column podcast album newsletter report headline slogan motto campaign documentary play novel poem episode segment blog website paper'.split(
    ' ',
  ),
);

/**
 * Nouns that name a speaker without naming who ("a spokeswoman said", "the campaign said in a statement"); a
 * description must end in one of these (or in a role suffix: -man, -woman, -person, -er, -or, -ist, -ian).
 */
export const SPEAKER_NOUNS = new Set(
  (
    'spokesman spokeswoman spokesperson spokespeople official officials aide aides adviser advisers advisor advisors ' +
    'source sources campaign campaigns statement statements release report reports memo letter ad ads advertisement ' +
    'ministry department agency office committee group company firm organization organisation union board council ' +
    'administration government police authorities authority court lawsuit suit complaint filing document documents ' +
    'poll survey study analysis website site post tweet tweets email emails message note newspaper paper daily outlet ' +
    'network channel station magazine show program programme broadcast video commercial spot voters people residents ' +
    'critics supporters opponents protesters demonstrators analysts experts observers insiders democrats republicans ' +
    'lawmakers senators members leaders staff team party camp transcript candidate nominee president governor senator ' +
    'representative congressman congresswoman mayor chairman chairwoman chair director executive founder host anchor ' +
    'reporter correspondent columnist editor writer author owner partner attorney lawyer judge friend friends family ' +
    'mother father wife husband son daughter brother sister woman women man men resident student students teacher ' +
    'worker workers official veteran veterans delegate delegates activist activists pastor doctor nurse agent officer ' +
    'confidant confidante consultant consultants assistant participant participants audience crowd column editorial ' +
    'op-ed readout user users'
  ).split(' '),
);

/** US states as news style abbreviates them after a town ("Flint, Mich.", "Raleigh, N.C."). */
export const STATE_ABBREVIATIONS = new Set(
  'Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev N.H N.J N.M N.Y N.C N.D Okla Ore Pa R.I S.C S.D Tenn Tex Va Vt Wash W.Va Wis Wyo'.split(
    ' ',
  ),
);

/** Words in -ing that qualify a title or role ("the acting director", "the ranking member"), not a clause. */
export const ADJECTIVE_PARTICIPLES = new Set(
  'acting ranking leading outgoing incoming presiding governing founding managing sitting reigning retiring remaining opposing visiting supporting longstanding long-standing high-ranking top-ranking'.split(
    ' ',
  ),
);

/** Nouns for a person a description names ("a reporter", "the spokesman", "one witness"). */
const PERSON_NOUN =
  /^(?:\p{Ll}+(?:man|woman|person)|reporter|correspondent|official|aide|adviser|advisor|spokesperson|witness|resident|voter|officer|expert|analyst|strategist|lawyer|attorney|source|worker|teacher|student|doctor|nurse|owner|manager|director|father|mother|wife|husband|son|daughter|neighbor|neighbour|friend|man|woman|veteran|member|supporter|critic|protester|activist|organizer|organiser)$/u;

/** Whether a lower-case noun names a person a description is about ("a reporter", "one witness", "a spokeswoman"). */
export function isPersonNoun(word: string): boolean {
  return PERSON_NOUN.test(word);
}
