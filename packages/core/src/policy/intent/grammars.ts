import { GERMAN } from "./grammar-de";
import { ENGLISH } from "./grammar-en";
import { SPANISH } from "./grammar-es";
import { FRENCH } from "./grammar-fr";
import type { Grammar, RuleLanguage } from "./grammar";

/** The grammar the rules read a language with. */
export const GRAMMARS: Readonly<Record<RuleLanguage, Grammar>> = {
  en: ENGLISH,
  fr: FRENCH,
  de: GERMAN,
  es: SPANISH,
};
