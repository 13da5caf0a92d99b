import type { RiskCorpus } from "./risk-corpus";

/**
 * A third corpus, written after the rules were built and measured once without changing them (the
 * figure is in the README): a game store, online courses, a newspaper, a crypto exchange, a dating
 * app, tax software, pet insurance, bike sharing.
 */
export const RISK_HOLDOUT_2: Readonly<Record<"en" | "fr" | "de" | "es", RiskCorpus>> = {
  en: {
    question: [
      "What happens to my saved games if I close my account?",
      "Can a course be refunded after I've watched half of it?",
      "How do I switch my newspaper delivery to weekends only?",
      "What should I do if I sent crypto to the wrong address?",
      "Is my subscription renewed automatically?",
      "Do you cover vet bills if my cat gets hurt?",
      "How can I tell whether an email from you is a scam?",
      "Where do I download last year's tax return?",
    ],
    request: [
      "Refund the game I bought yesterday, it crashes on launch.",
      "Please switch my paper delivery to weekends only.",
      "Enroll me in the Tuesday evening Spanish class.",
      "I'd like my profile hidden from search for a month.",
      "Cancel my pet insurance at renewal.",
      "Could you unlock my bike, the app is stuck?",
      "I want my withdrawal of 0.5 BTC reversed.",
      "Send me a paper copy of my policy documents.",
    ],
    incident: [
      "Someone bought three games with my account last night.",
      "My withdrawal never reached my bank.",
      "I was billed for two months in a row for the same course.",
      "My bike was stolen while it was locked at a station.",
      "There's a login from Brazil on my account and it wasn't me.",
      "The newspaper hasn't been delivered for a week.",
      "My wallet shows a transfer I never made.",
      "I lost my membership card at the gym.",
    ],
  },
  fr: {
    question: [
      "Que deviennent mes parties si je ferme mon compte ?",
      "Un cours peut-il être remboursé après l'avoir commencé ?",
      "Comment recevoir le journal seulement le week-end ?",
      "Que faire si j'ai envoyé des cryptos à la mauvaise adresse ?",
      "Mon abonnement est-il renouvelé automatiquement ?",
      "Remboursez-vous les frais de vétérinaire si mon chat se blesse ?",
    ],
    request: [
      "Remboursez le jeu acheté hier, il plante au lancement.",
      "Inscrivez-moi au cours d'espagnol du mardi soir.",
      "Résiliez mon assurance animal à l'échéance.",
      "Pourriez-vous débloquer mon vélo ? L'appli est bloquée.",
      "Je voudrais recevoir une copie papier de mon contrat.",
      "Je veux que mon retrait soit annulé.",
    ],
    incident: [
      "Quelqu'un a acheté trois jeux avec mon compte cette nuit.",
      "Mon retrait n'est jamais arrivé sur mon compte bancaire.",
      "J'ai été facturé deux fois pour le même cours.",
      "Mon vélo a été volé alors qu'il était attaché.",
      "Le journal n'a pas été livré depuis une semaine.",
      "J'ai perdu ma carte d'adhérent à la salle.",
    ],
  },
  de: {
    question: [
      "Was passiert mit meinen Spielständen, wenn ich mein Konto schließe?",
      "Kann ein Kurs erstattet werden, wenn ich schon angefangen habe?",
      "Wie bekomme ich die Zeitung nur am Wochenende?",
      "Was tun, wenn ich Krypto an die falsche Adresse geschickt habe?",
      "Verlängert sich mein Abo automatisch?",
      "Zahlen Sie Tierarztkosten, wenn sich meine Katze verletzt?",
    ],
    request: [
      "Erstatten Sie mir das gestern gekaufte Spiel, es stürzt ab.",
      "Melden Sie mich für den Spanischkurs am Dienstagabend an.",
      "Kündigen Sie meine Tierversicherung zum Ablauf.",
      "Könnten Sie mein Fahrrad entsperren? Die App hängt.",
      "Ich hätte gern eine Papierkopie meines Vertrags.",
      "Ich möchte, dass meine Auszahlung storniert wird.",
    ],
    incident: [
      "Jemand hat letzte Nacht mit meinem Konto drei Spiele gekauft.",
      "Meine Auszahlung ist nie auf meinem Bankkonto angekommen.",
      "Mir wurde derselbe Kurs zweimal berechnet.",
      "Mein Fahrrad wurde gestohlen, obwohl es abgeschlossen war.",
      "Die Zeitung wurde seit einer Woche nicht geliefert.",
      "Ich habe meine Mitgliedskarte im Fitnessstudio verloren.",
    ],
  },
  es: {
    question: [
      "¿Qué pasa con mis partidas si cierro mi cuenta?",
      "¿Se puede reembolsar un curso después de empezarlo?",
      "¿Cómo recibo el periódico solo los fines de semana?",
      "¿Qué hago si envié criptomonedas a una dirección equivocada?",
      "¿Mi suscripción se renueva automáticamente?",
      "¿Cubren el veterinario si mi gato se lastima?",
    ],
    request: [
      "Reembólsenme el juego que compré ayer, se cierra al abrirlo.",
      "Inscríbanme en la clase de español del martes por la noche.",
      "Cancelen mi seguro de mascota al vencimiento.",
      "¿Pueden desbloquear mi bici? La app no responde.",
      "Quisiera una copia en papel de mi póliza.",
      "Quiero que anulen mi retiro.",
    ],
    incident: [
      "Alguien compró tres juegos con mi cuenta anoche.",
      "Mi retiro nunca llegó a mi banco.",
      "Me cobraron dos veces el mismo curso.",
      "Me robaron la bici aunque estaba con candado.",
      "El periódico no me llega desde hace una semana.",
      "Perdí mi tarjeta de socio en el gimnasio.",
    ],
  },
};
