// Common Italian names for simulated citizens: plain enough to read in a test report.

export const MALE_FIRST_NAMES = [
  "Marco", "Giuseppe", "Giovanni", "Antonio", "Francesco", "Luca", "Alessandro", "Andrea", "Matteo", "Lorenzo",
  "Davide", "Stefano", "Paolo", "Roberto", "Salvatore", "Gianfranco", "Pietro", "Simone", "Riccardo", "Ugo",
  "Nicola", "Fabio", "Emanuele", "Tommaso", "Vincenzo", "Domenico", "Carlo", "Filippo", "Michele", "Enrico",
] as const;

export const FEMALE_FIRST_NAMES = [
  "Maria", "Anna", "Giulia", "Francesca", "Chiara", "Sara", "Laura", "Valentina", "Alessandra", "Elena",
  "Federica", "Silvia", "Martina", "Paola", "Roberta", "Giorgia", "Ilaria", "Beatrice", "Ada", "Rosa",
  "Caterina", "Elisa", "Serena", "Cristina", "Lucia", "Teresa", "Monica", "Simona", "Barbara", "Eleonora",
] as const;

export const LAST_NAMES = [
  "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
  "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti",
  "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone",
  "Longo", "Gentile", "Martinelli", "Vitale", "Lombardo", "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti",
  "Parisi", "Villa", "Conte", "Ferraro", "Fo", "Sala", "Fabbri", "Bellini", "Pellegrini", "Palumbo",
] as const;

export const STREETS = [
  "Via Roma", "Via Garibaldi", "Via Mazzini", "Corso Italia", "Via Dante Alighieri", "Via Cavour", "Via Verdi",
  "Piazza della Repubblica", "Via Marconi", "Viale Europa", "Via Manzoni", "Via XX Settembre", "Via Leopardi",
] as const;
