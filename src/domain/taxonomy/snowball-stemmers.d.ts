// The package ships plain JavaScript (a UMD build of the Snowball stemmers) without types.
declare module 'snowball-stemmers' {
  type Stemmer = { stem(word: string): string };
  const snowball: {
    newStemmer(language: string): Stemmer;
    algorithms(): string[];
  };
  export default snowball;
}
