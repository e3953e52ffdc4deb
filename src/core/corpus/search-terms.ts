// What counts as the same word when a writer looks a quote up: a search term is a word with its number written in
// digits (five = 5), its possessive dropped and its stem taken (agree = agreed, border = borders). Hyphenated,
// spaced and joined forms (game-changing, game changing, gamechanging) are matched by the search itself, which
// splits and joins words against the index's vocabulary.

import { stemWord } from '../text/stem';

const NUMBER_WORDS: Record<string, string> = {
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  sixty: '60',
  seventy: '70',
  eighty: '80',
  ninety: '90',
  hundred: '100',
  thousand: '1000',
  million: '1000000',
  billion: '1000000000',
  first: '1st',
  second: '2nd',
  third: '3rd',
  fourth: '4th',
  fifth: '5th',
  sixth: '6th',
  seventh: '7th',
  eighth: '8th',
  ninth: '9th',
  tenth: '10th',
};

/** The search term of a word's comparison key (lower case, apostrophes folded). */
export function termOf(key: string): string {
  const number = NUMBER_WORDS[key];
  if (number !== undefined) return number;
  let w = key;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("s'")) w = w.slice(0, -1);
  if (/^\d[\d,.]*$/.test(w)) return w.replace(/,/g, '');
  return stemWord(w);
}

/** Function words: they carry too little to find or tell apart passages by on their own. */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but nor so yet if then than that this these those there here of to in on at by for from with ' +
    'about into onto over under after before as is are was were be been being am do does did done have has had ' +
    "it its it's i me my we us our you your he him his she her they them their what which who whom whose when " +
    'where why how all any some such no not only own same too very can will would should could may might must ' +
    'shall just also up down out off again further once both each few more most other s t'
  ).split(' '),
);

export function isFunctionWord(key: string): boolean {
  return FUNCTION_WORDS.has(key);
}

/**
 * The word and every spelling one edit away (a letter dropped, added, changed or two swapped), for words of four
 * letters or more: a few hundred look-ups, never a scan of the vocabulary.
 */
export function nearSpellings(word: string): string[] {
  const out = [word];
  if ([...word].length < 4) return out;
  const letters = 'abcdefghijklmnopqrstuvwxyz' + [...new Set(word.replace(/[a-z]/g, ''))].join('');
  for (let i = 0; i <= word.length; i++) {
    const a = word.slice(0, i);
    const b = word.slice(i);
    if (b) out.push(a + b.slice(1));
    if (b.length > 1) out.push(a + b[1] + b[0] + b.slice(2));
    for (const c of letters) {
      if (b) out.push(a + c + b.slice(1));
      out.push(a + c + b);
    }
  }
  return out;
}
