// citeproc (citeproc-js) ships no types; these are the members Verbatim uses.
declare module 'citeproc' {
  interface CitationItem {
    id: string;
    locator?: string;
    label?: string;
  }
  interface Sys {
    retrieveLocale(lang: string): string | object;
    retrieveItem(id: string): object;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the class is the value `CSL.Engine` below
  class Engine {
    constructor(sys: Sys, style: string | object, lang?: string, forceLang?: boolean);
    setOutputFormat(format: 'text' | 'html' | 'rtf'): void;
    updateItems(ids: string[]): void;
    makeCitationCluster(items: CitationItem[]): string;
    makeBibliography(): [{ bibstart: string; bibend: string }, string[]] | false;
    opt: { xclass: string };
  }
  const CSL: { Engine: typeof Engine; parseXml(xml: string): object };
  export = CSL;
}
