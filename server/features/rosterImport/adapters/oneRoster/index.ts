/**
 * The OneRoster 1.2 CSV adapter: `readOneRosterZip` (a FileAdapter, with the ids of earlier imports as an
 * optional second argument for delta files), its inverse `writeOneRosterZip`, the texts of its errors,
 * and generated rosters for tests and the bench. README.md has the mapping.
 */
export { readOneRosterZip, type OneRosterReading, type EndedRecord, type ReadContext } from './read.js';
export { writeOneRosterZip, type WriteOptions } from './write.js';
export { oneRosterMessages } from './messages.js';
export { smallSchoolRoster, countyRoster, comparable, type CountyOptions } from './fixtures.js';
