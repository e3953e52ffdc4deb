// Moved to text/nlp (attribution reads its first names too); claims keep importing it from here until the merge.
export * from '../text/nlp';
