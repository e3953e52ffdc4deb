// The engine's domain types. Plain data only: every host (extension, CLI, tests) reads and writes these.
//
// Glossary (the words the code uses, and what each is not):
// - Source: one document the writer quotes from (an article, a transcript…), parsed into paragraphs, sentences
//   and quotes. The built-in article is one.
// - Quote: words a *source* puts in someone's mouth, with the speaker it credits (`Source.quotes`).
// - Quotation: any run of text between quotation marks, found by `findQuotations` in a source or a draft; it
//   may be speech, a title or a scare quote. A draft's quotations are what Verbatim checks.
// - QuoteCheck: the verdict on one of a draft's quotations: the passage it matched, the word diff, the speaker check.
// - Passage: a run of a source's words, inside a quote or in the article's own text, that a quotation matched
//   (`PassageMatch`); the index finds passages by their words.
// - Finding: something to tell the writer about a quotation (a code, a severity, a message), with fixes as text edits.

/** A 0-based line and UTF-16 character, as in VS Code. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Start and end in UTF-16 code units into a text (JavaScript string indices). */
export interface Span {
  start: number;
  end: number;
}

export interface SourceMeta {
  id: string;
  title: string | null;
  date: string | null;
  outlet: string | null;
  author: string | null;
  url: string | null;
  /** Where the source was read from (a file path or URI); null for text given directly. */
  path: string | null;
  builtIn: boolean;
  /** What kind of document it was read from; absent means `article` (text or Markdown). */
  kind?: SourceKind;
}

export type SourceKind = 'article' | 'web-page' | 'transcript' | 'captions' | 'pdf' | 'docx';

/** Where in the original document a quote stands: a PDF page, or the time a transcript turn or caption starts. */
export type Locator = { page: number } | { time: string };

export interface Paragraph extends Span {
  /** The paragraph's text between start and end. */
  text: string;
  /** A short line without closing punctuation (a section heading), not prose. */
  heading: boolean;
}

export interface Sentence extends Span {
  text: string;
  paragraphIndex: number;
}

export interface Quote {
  /** q1, q2, … in the order they stand in the source. */
  id: string;
  sourceId: string;
  /** The full name of the person it is attributed to, or null when the source names nobody. */
  speaker: string | null;
  /** The source's exact characters between the quotation marks. */
  text: string;
  offset: Span;
  /** The paragraph it stands in. */
  context: string;
  /** How the speaker was found and how sure that is; null when the source names nobody for it. */
  attribution?: QuoteAttribution | null;
  /** Its page or time in the original document, when the format has them. */
  locator?: Locator;
}

/** How a source quote was attributed: `verbatim quotes --format json` shows `method`, `confidence` and `mention`. */
export type AttributionMethod =
  'named' | 'appositive' | 'pronoun' | 'continuation' | 'sentence-subject' | 'according-to' | 'colon' | 'description' | 'transcript-label' | 'voice-tag';

export interface QuoteAttribution {
  method: AttributionMethod;
  /** 0–1: how sure the attribution is. The draft check accuses a writer of a wrong speaker only at SURE_ATTRIBUTION or above. */
  confidence: number;
  /** The words of the source that name (or describe) the speaker: "Dana Whitfield", "he", "a spokeswoman". */
  mention: string;
  /** Where `mention` stands in the source's text. */
  span?: Span;
  /**
   * For an attribution that is not sure: everyone it could mean (named near the quote). A draft crediting someone
   * outside this list is still wrong.
   */
  candidates?: string[];
}

export interface Source {
  meta: SourceMeta;
  text: string;
  /** Where the body starts (after front matter or a `date` line). */
  bodyStart: number;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  quotes: Quote[];
  /** Quoted titles of works and programmes (not speech), kept to show they were seen and set aside. */
  titles: Span[];
  /** Problems met while reading it that did not stop it from being used. */
  warnings: string[];
}

export type Verdict = 'exact' | 'fragment' | 'elided' | 'variant' | 'misquote' | 'extends-source' | 'not-found';

export type SpeakerCheck = 'match' | 'mismatch' | 'uncertain' | 'unattributed' | 'not-applicable';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface DiffPart {
  op: 'equal' | 'delete' | 'insert';
  text: string;
}

/** The source passage a draft quotation was matched to. */
export interface PassageMatch {
  sourceId: string;
  /** The source quote the words belong to, or null when they are the article's own text. */
  quoteId: string | null;
  speaker: string | null;
  /** The source's exact words for the matched passage. */
  text: string;
  offset: Span;
}

export interface TextEdit {
  /** Offsets into the draft's text (UTF-16). */
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix to offer first. */
  preferred?: boolean;
}

export type FindingCode =
  'misquote' | 'wrong-speaker' | 'elision-changes-meaning' | 'extends-source' | 'not-in-sources' | 'variant' | 'unclosed-quote' | 'claim-contradicted' | 'claim-unsupported';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  span: Span;
  fixes: Fix[];
}

/** What was left out of or replaced in the source by an elided or bracketed quotation. */
export interface Omission {
  kind: 'ellipsis' | 'bracket';
  /** The source's words that were left out or replaced (empty when nothing was). */
  sourceText: string;
  /** For a bracket, the writer's inserted text. */
  insertedText?: string;
}

export interface Attribution {
  /** The name as written (or the pronoun), e.g. "Zelensky" or "he". */
  mention: string;
  /** The person it resolves to, when that can be told. */
  name: string | null;
  span: Span;
  via: 'named' | 'pronoun' | 'inherited' | 'colon';
  /** How it was found (finer than `via`). */
  method?: AttributionMethod;
  /** 0–1: how sure it is. */
  confidence?: number;
  /** For an attribution that is not sure: everyone it could mean. */
  candidates?: string[];
}

export interface QuoteCheck {
  /** Words inside the marks as written in the draft. */
  text: string;
  /** The span of `text` in the draft (marks excluded). */
  span: Span;
  /** The span including the marks. */
  outerSpan: Span;
  kind: 'speech' | 'title';
  attribution: Attribution | null;
  verdict: Verdict;
  speakerCheck: SpeakerCheck;
  match: PassageMatch | null;
  diff: DiffPart[] | null;
  omissions: Omission[];
  /** True when the quotation is too short to judge (a scare quote) and did not match a source quote. */
  scare: boolean;
  /** How the matched source quote was attributed (for the hover's speaker line); absent when unknown. */
  sourceAttribution?: QuoteAttribution | null;
}

export interface DraftCheck {
  quotes: QuoteCheck[];
  findings: Finding[];
}

export type ClaimVerdict = 'supported' | 'contradicted' | 'unsupported';

export type ClaimDifferenceKind = 'number' | 'date' | 'person' | 'organisation' | 'place' | 'negation' | 'modality' | 'quantifier' | 'agent';

/** A source sentence a claim was checked against. */
export interface ClaimSourceSentence {
  sourceId: string;
  /** The source's exact text of the sentence (or of two adjacent sentences a paraphrase merged). */
  text: string;
  offset: Span;
}

/** One way a claim differs from its source sentence. */
export interface ClaimDifference {
  kind: ClaimDifferenceKind;
  /** The draft's words, and where they stand in the draft (UTF-16 offsets). */
  draft: string;
  span: Span;
  /** The source's words, and where they stand in the source's text. */
  source: string;
  sourceSpan: Span;
}

/** The check of one draft sentence outside quotation marks (a claim). */
export interface ClaimCheck {
  /** The draft sentence as written. */
  text: string;
  span: Span;
  verdict: ClaimVerdict;
  /** The source passage it was checked against: null when unsupported. */
  match: ClaimSourceSentence | null;
  /** The source sentences that passage is made of (two when a paraphrase merged them). */
  sentences: ClaimSourceSentence[];
  /** Empty unless contradicted. */
  differences: ClaimDifference[];
}

export interface ClaimsResult {
  claims: ClaimCheck[];
  findings: Finding[];
}
