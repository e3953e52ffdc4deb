import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findQuotations, splitParagraphs } from './core-internals';

const quotes = (text: string) => findQuotations(text, splitParagraphs(text)).map((q) => ({ text: text.slice(q.inner.start, q.inner.end), kind: q.kind, closed: q.closed }));
const speech = (text: string) =>
  quotes(text)
    .filter((q) => q.kind === 'speech')
    .map((q) => q.text);

test('straight and curly double quotes, and mismatched pairs', () => {
  assert.deepEqual(speech('He said "one two three" and “four five six” then “seven eight nine," and "ten eleven”.'), [
    'one two three',
    'four five six',
    'seven eight nine,',
    'ten eleven',
  ]);
});

test('guillemets and German low-high quotes', () => {
  assert.deepEqual(speech('Fidan said «the corridor feeds millions». Özdemir said „Hunger must never become a weapon“, he added.'), [
    'the corridor feeds millions',
    'Hunger must never become a weapon',
  ]);
});

test('single quotes quote, apostrophes do not', () => {
  assert.deepEqual(speech("She called it 'an insult to every family' and said it wasn't fair to the workers' children."), ['an insult to every family']);
  assert.deepEqual(speech("It's the players' union, and nobody's words are quoted in the ’90s."), []);
});

test('nested quotes stay inside the outer quote', () => {
  assert.deepEqual(speech('“He told me ‘we agree’ before he left,” she said.'), ['He told me ‘we agree’ before he left,']);
});

test('an unpaired mark inside a quote does not end it', () => {
  const text = `"We welcome the coalition of the willing' — including the European Union — is ready,” she said.`;
  assert.deepEqual(speech(text), ["We welcome the coalition of the willing' — including the European Union — is ready,"]);
});

test('a quote split by its attribution is two quotations', () => {
  assert.deepEqual(speech('“Nobody wants a long strike,” said O’Donnell, “but nobody will be bullied.”'), ['Nobody wants a long strike,', 'but nobody will be bullied.']);
});

test('a quote runs over paragraphs when the next one re-opens it', () => {
  const text = '“The first paragraph of the speech.\n\n“The second paragraph,” she said.\n\nAfter.';
  assert.deepEqual(speech(text), ['The first paragraph of the speech.\n\n“The second paragraph,']);
});

test('an unclosed quote ends with its paragraph and is marked unclosed', () => {
  const q = quotes('She said “this never closes.\n\nNext paragraph “is fine.”');
  assert.deepEqual(
    q.map((x) => [x.text, x.closed]),
    [
      ['this never closes.', false],
      ['is fine.', true],
    ],
  );
});

test('titles of programmes are not speech', () => {
  const q = quotes('He said it on “Fox News Sunday.” and wrote in the newsletter, "Voice of the Quay", again.');
  assert.deepEqual(
    q.map((x) => x.kind),
    ['title', 'title'],
  );
  assert.deepEqual(
    quotes('He said, “Thank You Very Much,” and left.').map((x) => x.kind),
    ['speech'],
  );
});

test('paragraphs split on blank lines with CRLF', () => {
  const text = 'One.\r\n\r\nTwo.\r\n  \r\nThree.';
  assert.deepEqual(
    splitParagraphs(text).map((s) => text.slice(s.start, s.end)),
    ['One.', 'Two.', 'Three.'],
  );
});
