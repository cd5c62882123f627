/**
 * Given names and surnames common in each nationality, combined at random by the sample fleet: the people it
 * makes are synthetic (no real person's record). Nationalities are ISO 3166-1 alpha-3 codes; languages are
 * what a crew member from there would list besides English.
 */
export interface NamePool {
  nationality: string;
  languages: string[];
  given: { f: string[]; m: string[] };
  surnames: string[];
}

export const NAME_POOLS: NamePool[] = [
  {
    nationality: 'GBR',
    languages: [],
    given: { f: ['Amelia', 'Olivia', 'Isla', 'Freya', 'Poppy', 'Imogen', 'Harriet'], m: ['Oliver', 'Harry', 'George', 'Alfie', 'Charlie', 'Freddie', 'Archie'] },
    surnames: ['Whitfield', 'Ashworth', 'Pemberton', 'Hargreaves', 'Thornbury', 'Caldwell', 'Fairbairn', 'Pennington'],
  },
  {
    nationality: 'AUS',
    languages: [],
    given: { f: ['Matilda', 'Chloe', 'Zoe', 'Mia', 'Sienna'], m: ['Jack', 'Lachlan', 'Cooper', 'Riley', 'Hamish'] },
    surnames: ['McAllister', 'Donnelly', 'Kerrigan', 'Blackwood', 'Lindqvist', 'Strathearn'],
  },
  {
    nationality: 'NZL',
    languages: [],
    given: { f: ['Aroha', 'Ruby', 'Georgia', 'Tessa'], m: ['Nikau', 'Finn', 'Blake', 'Tama'] },
    surnames: ['Te Rangi', 'Ferguson', 'Kingsley', 'Waititi-Hale', 'Rutherford'],
  },
  {
    nationality: 'ZAF',
    languages: ['Afrikaans'],
    given: { f: ['Lerato', 'Anika', 'Thandiwe', 'Marike'], m: ['Pieter', 'Sipho', 'Ruan', 'Thabo'] },
    surnames: ['van der Merwe', 'Botha', 'Nkosi', 'Pretorius', 'du Plessis'],
  },
  {
    nationality: 'FRA',
    languages: ['French'],
    given: { f: ['Camille', 'Léa', 'Manon', 'Chloé', 'Inès'], m: ['Lucas', 'Hugo', 'Théo', 'Mathis', 'Étienne'] },
    surnames: ['Lefèvre', 'Marchand', 'Rousseau', 'Garnier', 'Fontaine', 'Chevalier'],
  },
  {
    nationality: 'ITA',
    languages: ['Italian'],
    given: { f: ['Giulia', 'Chiara', 'Francesca', 'Alessia'], m: ['Matteo', 'Lorenzo', 'Davide', 'Gabriele'] },
    surnames: ['Bianchini', 'Ferraresi', 'Lombardo', 'Santoro', 'Marchetti'],
  },
  {
    nationality: 'ESP',
    languages: ['Spanish', 'Catalan'],
    given: { f: ['Lucía', 'Marta', 'Nerea', 'Alba'], m: ['Javier', 'Álvaro', 'Pau', 'Sergio'] },
    surnames: ['Navarro', 'Ibáñez', 'Castellano', 'Soler', 'Ferrer'],
  },
  {
    nationality: 'NLD',
    languages: ['Dutch', 'German'],
    given: { f: ['Sanne', 'Fleur', 'Lotte'], m: ['Daan', 'Sem', 'Joost'] },
    surnames: ['de Vries', 'Vermeulen', 'Bakker', 'van Dijk'],
  },
  {
    nationality: 'HRV',
    languages: ['Croatian'],
    given: { f: ['Petra', 'Ivana', 'Lucija'], m: ['Luka', 'Ivan', 'Marko'] },
    surnames: ['Horvat', 'Kovačević', 'Babić', 'Marić'],
  },
  {
    nationality: 'PHL',
    languages: ['Tagalog'],
    given: { f: ['Maricel', 'Joy', 'Kristine'], m: ['Rogelio', 'Jomar', 'Arnel'] },
    surnames: ['Dela Cruz', 'Santos', 'Villanueva', 'Bautista'],
  },
];

export const RELATIONS = ['Mother', 'Father', 'Partner', 'Sister', 'Brother', 'Spouse'];
