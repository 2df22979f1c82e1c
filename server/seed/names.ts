/**
 * Name and address material for the demo-data generator. Every person the generator makes is a
 * random combination of a given name, a family name and an address from these lists: no real
 * people. Postal codes are real codes in Troms and Nordland, so addresses look right in the UI.
 */

/** a family name in its forms: male, female (married / mother) and, where the language has one, unmarried daughter */
export interface FamilyName {
  readonly male: string;
  readonly female: string;
  readonly daughter?: string;
}

export type OriginKey = 'norwegian' | 'sami' | 'somali' | 'polish' | 'arabic' | 'tigrinya' | 'lithuanian';

export interface NameOrigin {
  readonly key: OriginKey;
  /** minoritetsspråklig in the school's sense (a home language other than Norwegian or Sámi) */
  readonly minorityLanguage: boolean;
  readonly girls: readonly string[];
  readonly boys: readonly string[];
  readonly families: readonly FamilyName[];
  /** the mother usually keeps her own family name (Somali, Arabic, Tigrinya naming customs) */
  readonly motherKeepsOwnName: boolean;
}

const same = (...names: string[]): FamilyName[] => names.map((n) => ({ male: n, female: n }));

export const norwegianGirls = [
  'Nora', 'Emma', 'Sara', 'Ingrid', 'Thea', 'Emilie', 'Maja', 'Ida', 'Julie', 'Hanna', 'Sofie', 'Linnea',
  'Vilde', 'Tuva', 'Marte', 'Frida', 'Ingeborg', 'Mathilde', 'Amalie', 'Oda', 'Selma', 'Mia', 'Aurora',
  'Hedda', 'Live', 'Martine', 'Eline', 'Malin', 'Kaja', 'Silje', 'Andrea', 'Tiril', 'Helene', 'Jenny',
  'Synne', 'Mari', 'Kristine', 'Ane', 'Marie', 'Sigrid', 'Astrid', 'Elise', 'Guro', 'Karoline', 'Victoria',
  'Celine', 'Pernille', 'Madelen', 'Hedvig', 'Eira', 'Solveig', 'Iselin', 'Stine', 'Kine', 'Lene',
] as const;

export const norwegianBoys = [
  'Jakob', 'Emil', 'Noah', 'Oliver', 'Filip', 'William', 'Lucas', 'Liam', 'Henrik', 'Oskar', 'Aksel',
  'Theodor', 'Elias', 'Kasper', 'Magnus', 'Johannes', 'Isak', 'Mathias', 'Tobias', 'Sander', 'Jonas',
  'Markus', 'Martin', 'Adrian', 'Sebastian', 'Kristian', 'Eirik', 'Even', 'Sindre', 'Vetle', 'Håkon',
  'Ola', 'Ole', 'Andreas', 'Fredrik', 'Herman', 'Torbjørn', 'Erlend', 'Sivert', 'Mats', 'Brage', 'Eskil',
  'Jørgen', 'Halvard', 'Trym', 'Bendik', 'Peder', 'Simen', 'Sondre', 'Vegard', 'Tor', 'Stian', 'Geir',
] as const;

export const norwegianFamilies: readonly FamilyName[] = same(
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen',
  'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen',
  'Jacobsen', 'Dahl', 'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Jakobsen', 'Moen',
  'Gundersen', 'Iversen', 'Strand', 'Solberg', 'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Paulsen',
  'Bakken', 'Kristoffersen', 'Mathisen', 'Lie', 'Amundsen', 'Rasmussen', 'Solheim', 'Berntsen', 'Isaksen',
  'Mikalsen', 'Hanssen', 'Jenssen', 'Mortensen', 'Markussen', 'Simonsen', 'Ellingsen', 'Edvardsen',
  'Benjaminsen', 'Fredriksen', 'Wilhelmsen', 'Nygaard', 'Arntzen', 'Hågensen', 'Nordli', 'Skog',
  'Sandvik', 'Hætta', 'Bjørnstad', 'Torgersen', 'Kvalvik', 'Steffensen', 'Hermansen', 'Albertsen',
);

export const samiGirls = ['Elle', 'Máret', 'Ánne', 'Risten', 'Inga', 'Sára', 'Biret', 'Ristin'] as const;
export const samiBoys = ['Ánte', 'Nils', 'Máhtte', 'Isak', 'Jovnna', 'Piera', 'Áslat', 'Mikkel'] as const;
export const samiFamilies: readonly FamilyName[] = same('Somby', 'Eira', 'Utsi', 'Gaup', 'Bongo', 'Hætta', 'Turi', 'Sara', 'Kemi', 'Balto');

export const origins: Record<OriginKey, NameOrigin> = {
  norwegian: {
    key: 'norwegian', minorityLanguage: false, motherKeepsOwnName: false,
    girls: norwegianGirls, boys: norwegianBoys, families: norwegianFamilies,
  },
  sami: {
    key: 'sami', minorityLanguage: false, motherKeepsOwnName: false,
    girls: [...samiGirls, ...norwegianGirls.slice(0, 12)], boys: [...samiBoys, ...norwegianBoys.slice(0, 12)],
    families: [...samiFamilies, ...norwegianFamilies.slice(0, 10)],
  },
  somali: {
    key: 'somali', minorityLanguage: true, motherKeepsOwnName: true,
    girls: ['Hodan', 'Ayaan', 'Fadumo', 'Hibo', 'Sahra', 'Ifrah', 'Nimco', 'Amina', 'Ubah', 'Sagal', 'Hamdi', 'Deeqa'],
    boys: ['Abdirahman', 'Mohamed', 'Abdullahi', 'Ahmed', 'Hassan', 'Yusuf', 'Liban', 'Bashir', 'Abdiwali', 'Mustafe', 'Hamza', 'Khadar'],
    families: same('Mohamed', 'Ahmed', 'Hassan', 'Ali', 'Abdi', 'Warsame', 'Farah', 'Jama', 'Osman', 'Yusuf', 'Nur', 'Egal', 'Hirsi', 'Dirie'),
  },
  polish: {
    key: 'polish', minorityLanguage: true, motherKeepsOwnName: false,
    girls: ['Zuzanna', 'Julia', 'Wiktoria', 'Natalia', 'Oliwia', 'Agnieszka', 'Aleksandra', 'Zofia', 'Kinga', 'Magdalena', 'Katarzyna', 'Joanna'],
    boys: ['Jakub', 'Kacper', 'Szymon', 'Mateusz', 'Bartosz', 'Wojciech', 'Piotr', 'Krzysztof', 'Michał', 'Tomasz', 'Paweł', 'Dawid'],
    families: [
      { male: 'Nowak', female: 'Nowak' }, { male: 'Kowalski', female: 'Kowalska' }, { male: 'Wiśniewski', female: 'Wiśniewska' },
      { male: 'Wójcik', female: 'Wójcik' }, { male: 'Kowalczyk', female: 'Kowalczyk' }, { male: 'Kamiński', female: 'Kamińska' },
      { male: 'Lewandowski', female: 'Lewandowska' }, { male: 'Zieliński', female: 'Zielińska' }, { male: 'Szymański', female: 'Szymańska' },
      { male: 'Woźniak', female: 'Woźniak' }, { male: 'Dąbrowski', female: 'Dąbrowska' }, { male: 'Mazur', female: 'Mazur' },
    ],
  },
  arabic: {
    key: 'arabic', minorityLanguage: true, motherKeepsOwnName: true,
    girls: ['Fatima', 'Maryam', 'Aya', 'Layla', 'Noor', 'Rana', 'Hiba', 'Lina', 'Yasmin', 'Rahaf', 'Jana', 'Salma'],
    boys: ['Omar', 'Ali', 'Yousef', 'Khaled', 'Karim', 'Hamza', 'Ibrahim', 'Mahmoud', 'Ahmad', 'Bilal', 'Tarek', 'Sami'],
    families: same('Al-Hassan', 'Haddad', 'Khalil', 'Nasser', 'Mansour', 'Saleh', 'Hamdan', 'Darwish', 'Ibrahim', 'Al-Ahmad', 'Othman', 'Suleiman'),
  },
  tigrinya: {
    key: 'tigrinya', minorityLanguage: true, motherKeepsOwnName: true,
    girls: ['Helen', 'Senait', 'Saba', 'Luwam', 'Mihret', 'Yordanos', 'Eden', 'Winta', 'Selam', 'Ruta', 'Feven', 'Hermela'],
    boys: ['Yonas', 'Dawit', 'Robel', 'Semere', 'Filmon', 'Henok', 'Tesfay', 'Abel', 'Natnael', 'Amanuel', 'Biniam', 'Merhawi'],
    families: same('Tesfamariam', 'Ghebremedhin', 'Habte', 'Kidane', 'Tekle', 'Haile', 'Berhane', 'Mehari', 'Gebreyesus', 'Woldu', 'Asmerom', 'Negash'),
  },
  lithuanian: {
    key: 'lithuanian', minorityLanguage: true, motherKeepsOwnName: false,
    girls: ['Gabija', 'Ugnė', 'Austėja', 'Emilija', 'Kamilė', 'Gabrielė', 'Rugilė', 'Viktorija', 'Rasa', 'Jurgita', 'Inga', 'Aistė'],
    boys: ['Lukas', 'Matas', 'Jokūbas', 'Dominykas', 'Nojus', 'Tomas', 'Mantas', 'Darius', 'Rokas', 'Vytautas', 'Karolis', 'Paulius'],
    families: [
      { male: 'Kazlauskas', female: 'Kazlauskienė', daughter: 'Kazlauskaitė' },
      { male: 'Jankauskas', female: 'Jankauskienė', daughter: 'Jankauskaitė' },
      { male: 'Petrauskas', female: 'Petrauskienė', daughter: 'Petrauskaitė' },
      { male: 'Stankevičius', female: 'Stankevičienė', daughter: 'Stankevičiūtė' },
      { male: 'Vasiliauskas', female: 'Vasiliauskienė', daughter: 'Vasiliauskaitė' },
      { male: 'Žukauskas', female: 'Žukauskienė', daughter: 'Žukauskaitė' },
      { male: 'Butkus', female: 'Butkienė', daughter: 'Butkutė' },
      { male: 'Paulauskas', female: 'Paulauskienė', daughter: 'Paulauskaitė' },
    ],
  },
};

/** shares of students by name origin (a school in Troms or Nordland) */
export const originWeights: ReadonlyArray<readonly [OriginKey, number]> = [
  ['norwegian', 87],
  ['sami', 3],
  ['polish', 2.5],
  ['somali', 2],
  ['arabic', 2],
  ['tigrinya', 2],
  ['lithuanian', 1.5],
];

export const streetNames = [
  'Storgata', 'Kirkegata', 'Skolegata', 'Strandvegen', 'Fjellvegen', 'Havnegata', 'Parkvegen', 'Solbakken',
  'Bakkevegen', 'Nordlysvegen', 'Fiskergata', 'Sjøgata', 'Elvegata', 'Stadionvegen', 'Lyngvegen',
  'Bjørkelia', 'Furulia', 'Rypevegen', 'Måkevegen', 'Tindvegen', 'Moloveien', 'Kaigata', 'Skippergata',
  'Granvegen', 'Fururabben', 'Vestervegen', 'Østervegen', 'Sørbyvegen', 'Nordbyvegen', 'Hamnvegen',
  'Midnattsolvegen', 'Polarvegen', 'Ishavsvegen', 'Lofotgata', 'Kveldsolvegen', 'Utsikten', 'Åsvegen',
  'Myrvegen', 'Blåbærstien', 'Multebærvegen', 'Reinvegen', 'Sandvikvegen', 'Nausttunet', 'Sjøtunet',
  'Prestegårdsvegen', 'Skogvegen', 'Lillevegen', 'Tverrgata', 'Torggata', 'Brygga',
] as const;

export interface PostalPlace {
  readonly postalCode: string;
  readonly city: string;
}

const places = (city: string, ...codes: string[]): PostalPlace[] => codes.map((postalCode) => ({ postalCode, city }));

/** postal codes grouped by town; a school draws most of its students' homes from one town */
export const postalTowns: ReadonlyArray<readonly PostalPlace[]> = [
  places('Tromsø', '9008', '9009', '9010', '9011', '9012', '9013', '9014', '9015', '9016', '9017', '9018', '9019', '9037'),
  [...places('Tromsdalen', '9020'), ...places('Tomasjord', '9024'), ...places('Kvaløysletta', '9100')],
  places('Harstad', '9402', '9403', '9405', '9406', '9407', '9408', '9409', '9411', '9415'),
  [...places('Finnsnes', '9300'), ...places('Silsand', '9303')],
  [...places('Bardufoss', '9325'), ...places('Setermoen', '9360'), ...places('Sjøvegan', '9350')],
  [...places('Storslett', '9151'), ...places('Skjervøy', '9180'), ...places('Lyngseidet', '9060')],
  [...places('Storsteinnes', '9050'), ...places('Nordkjosbotn', '9040'), ...places('Skibotn', '9143')],
  places('Bodø', '8001', '8003', '8005', '8006', '8008', '8009', '8010', '8011', '8012', '8013', '8014', '8015', '8016'),
  [...places('Fauske', '8200'), ...places('Rognan', '8250')],
  [...places('Svolvær', '8300', '8301'), ...places('Leknes', '8370'), ...places('Ballstad', '8373')],
  [...places('Sortland', '8400'), ...places('Stokmarknes', '8450'), ...places('Andenes', '8480')],
  [...places('Narvik', '8514', '8515', '8516', '8517'), ...places('Bjerkvik', '8530')],
  places('Mo i Rana', '8601', '8602', '8610', '8613', '8614'),
  [...places('Mosjøen', '8650', '8651', '8656', '8657'), ...places('Sandnessjøen', '8800')],
  [...places('Brønnøysund', '8900'), ...places('Ørnes', '8150'), ...places('Glomfjord', '8160')],
];

/** parts for fictional school names ("Fjellvik videregående skole") */
export const schoolNameFirstParts = [
  'Fjell', 'Nord', 'Sol', 'Hav', 'Skog', 'Elve', 'Lyng', 'Tinde', 'Bjørke', 'Kvit', 'Vester', 'Øster',
  'Furu', 'Myr', 'Sand', 'Strand', 'Rein', 'Ørne', 'Lauv', 'Blå', 'Måne', 'Stjerne', 'Isfjell', 'Rype',
] as const;
export const schoolNameLastParts = ['vik', 'nes', 'heim', 'dal', 'øy', 'fjord', 'bakken', 'li', 'vang', 'sund', 'haug', 'mo'] as const;

/** lower-case ASCII for e-mail local parts: "Håkon Sørensen" → "hakon", "sorensen" */
export function emailSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
