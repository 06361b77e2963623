/**
 * Finding a time zone by what people type: the zone's name, its city, today's name of a renamed
 * zone, and the words people use for the zones most asked for — "Eastern", "PST", "Mumbai",
 * "Zürich" — accents and case ignored. One table for the public booking page's zone picker and
 * the desktop's, so both find the same zones.
 */

/**
 * IANA names that ICU still lists under an old name, to today's name (`Asia/Calcutta` →
 * `Asia/Kolkata`): lists show and store today's.
 */
export const ZONE_RENAMES: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Dacca': 'Asia/Dhaka',
  'Asia/Thimbu': 'Asia/Thimphu',
  'Asia/Ulan_Bator': 'Asia/Ulaanbaatar',
  'Europe/Kiev': 'Europe/Kyiv',
  'Europe/Uzhgorod': 'Europe/Kyiv',
  'Europe/Zaporozhye': 'Europe/Kyiv',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Godthab': 'America/Nuuk',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Enderbury': 'Pacific/Kanton',
}

/** Today's name of `zone` (itself unless renamed). */
export function zoneTodayName(zone: string): string {
  return ZONE_RENAMES[zone] ?? zone
}

/**
 * Other words for the zones most asked for: the country, big cities without a zone of their own,
 * the zone's common names and abbreviations (both seasons), and old spellings.
 */
const ZONE_ALIASES: Readonly<Record<string, string>> = {
  UTC: 'Coordinated Universal Time GMT Zulu',
  'America/New_York':
    'Eastern Time ET EST EDT US Boston Washington Miami Atlanta Philadelphia Pittsburgh Charlotte',
  'America/Chicago': 'Central Time CT CST CDT US Dallas Houston Austin Minneapolis St Louis',
  'America/Denver': 'Mountain Time MT MST MDT US Salt Lake City Albuquerque Boise',
  'America/Phoenix': 'Mountain Time MST Arizona US',
  'America/Los_Angeles':
    'Pacific Time PT PST PDT US California San Francisco Seattle San Diego Las Vegas Portland',
  'America/Anchorage': 'Alaska Time AKST AKDT US',
  'Pacific/Honolulu': 'Hawaii Time HST US',
  'America/Toronto': 'Eastern Time EST EDT Canada Ottawa Montreal Montréal',
  'America/Vancouver': 'Pacific Time PST PDT Canada',
  'America/Halifax': 'Atlantic Time AST ADT Canada',
  'America/Mexico_City': 'Mexico Guadalajara Monterrey',
  'America/Sao_Paulo': 'Brazil Brasília Brasilia Rio de Janeiro',
  'America/Argentina/Buenos_Aires': 'Argentina',
  'America/Bogota': 'Colombia',
  'America/Lima': 'Peru',
  'America/Santiago': 'Chile',
  'Europe/London': 'United Kingdom UK Britain England Scotland Wales GMT BST Manchester Edinburgh',
  'Europe/Dublin': 'Ireland GMT IST',
  'Europe/Lisbon': 'Portugal WET WEST Porto',
  'Europe/Paris': 'France Central European CET CEST Lyon Marseille',
  'Europe/Berlin':
    'Germany Central European CET CEST Munich München Frankfurt Hamburg Cologne Köln',
  'Europe/Zurich': 'Switzerland Central European CET CEST Geneva Genève Bern Basel',
  'Europe/Vienna': 'Austria Central European CET CEST Wien',
  'Europe/Madrid': 'Spain Central European CET CEST Barcelona Valencia',
  'Europe/Rome': 'Italy Central European CET CEST Milan Milano Naples',
  'Europe/Amsterdam': 'Netherlands Holland Central European CET CEST Rotterdam',
  'Europe/Brussels': 'Belgium Central European CET CEST',
  'Europe/Stockholm': 'Sweden Central European CET CEST',
  'Europe/Oslo': 'Norway Central European CET CEST',
  'Europe/Copenhagen': 'Denmark Central European CET CEST',
  'Europe/Warsaw': 'Poland Central European CET CEST Kraków Krakow',
  'Europe/Prague': 'Czechia Czech Republic Central European CET CEST',
  'Europe/Athens': 'Greece Eastern European EET EEST',
  'Europe/Helsinki': 'Finland Eastern European EET EEST',
  'Europe/Kyiv': 'Ukraine Kiev Eastern European EET EEST',
  'Europe/Istanbul': 'Turkey Türkiye Ankara',
  'Europe/Moscow': 'Russia Moscow Time MSK Saint Petersburg St Petersburg',
  'Africa/Cairo': 'Egypt',
  'Africa/Lagos': 'Nigeria West Africa WAT Abuja',
  'Africa/Johannesburg': 'South Africa SAST Cape Town Pretoria Durban',
  'Africa/Nairobi': 'Kenya East Africa EAT',
  'Asia/Dubai': 'United Arab Emirates UAE Gulf Abu Dhabi',
  'Asia/Riyadh': 'Saudi Arabia Jeddah',
  'Asia/Jerusalem': 'Israel Tel Aviv',
  'Asia/Tehran': 'Iran',
  'Asia/Karachi': 'Pakistan PKT Lahore Islamabad',
  'Asia/Kolkata':
    'India Standard Time IST Calcutta Mumbai Bombay Delhi New Delhi Bangalore Bengaluru Chennai Madras Hyderabad Pune Ahmedabad',
  'Asia/Dhaka': 'Bangladesh Dacca',
  'Asia/Kathmandu': 'Nepal Katmandu',
  'Asia/Bangkok': 'Thailand',
  'Asia/Ho_Chi_Minh': 'Vietnam Saigon Hanoi',
  'Asia/Jakarta': 'Indonesia',
  'Asia/Singapore': 'SGT',
  'Asia/Kuala_Lumpur': 'Malaysia',
  'Asia/Manila': 'Philippines',
  'Asia/Shanghai': 'China CST Beijing Shenzhen Guangzhou',
  'Asia/Hong_Kong': 'HKT',
  'Asia/Taipei': 'Taiwan',
  'Asia/Seoul': 'Korea South Korea KST',
  'Asia/Tokyo': 'Japan JST Osaka Kyoto',
  'Australia/Sydney': 'Australia Eastern AEST AEDT Canberra',
  'Australia/Melbourne': 'Australia Eastern AEST AEDT',
  'Australia/Brisbane': 'Australia Eastern AEST Queensland',
  'Australia/Perth': 'Australia Western AWST',
  'Australia/Adelaide': 'Australia Central ACST ACDT',
  'Pacific/Auckland': 'New Zealand NZST NZDT Wellington',
}

/** `text` lowercased, accents taken off ("Zürich" → "zurich"), for matching. */
export function textFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

/**
 * What a zone is found by, folded: its IANA name in words ("america new york"), its other words
 * ({@link ZONE_ALIASES}; a renamed zone's old name too) and `extra` (what the list shows: the
 * city, today's offset).
 */
export function zoneSearchText(zone: string, extra = ''): string {
  const oldNames = Object.keys(ZONE_RENAMES).filter((old) => ZONE_RENAMES[old] === zone)
  return textFold(
    [zone.replace(/[/_]/g, ' '), ZONE_ALIASES[zone] ?? '', ...oldNames, extra].join(' '),
  )
}

/** Whether every word typed (folded) occurs in `searchText` (from {@link zoneSearchText}). */
export function zoneSearchMatches(searchText: string, typed: string): boolean {
  const words = textFold(typed).split(/\s+/).filter(Boolean)
  return words.every((word) => searchText.includes(word))
}
