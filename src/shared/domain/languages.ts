/**
 * A language's name from its code: in English for the operator's lists and messages ("Brazilian Portuguese"),
 * or in the language itself for a person choosing it ("Deutsch"). The code itself when the runtime has no name.
 */
export function languageName(code: string, inLanguage = 'en'): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
