import type { ClassOverviewStudent } from './classesApi';

export type SortKey = 'name' | 'lastContact';
export interface Sort {
  key: SortKey;
  dir: 'ascending' | 'descending';
}

export const byName = (compare: (a: string, b: string) => number) => (a: ClassOverviewStudent, b: ClassOverviewStudent) =>
  compare(a.familyName, b.familyName) || compare(a.givenName, b.givenName);

export function sortStudents(
  students: readonly ClassOverviewStudent[],
  sort: Sort,
  compare: (a: string, b: string) => number,
): ClassOverviewStudent[] {
  const names = byName(compare);
  const sign = sort.dir === 'ascending' ? 1 : -1;
  return [...students].sort((a, b) => {
    if (sort.key === 'lastContact') {
      // "No contact yet" counts as the oldest: those students are the ones to call first.
      const x = a.lastContactOn ?? '';
      const y = b.lastContactOn ?? '';
      if (x !== y) return (x < y ? -1 : 1) * sign;
      return names(a, b);
    }
    return names(a, b) * sign;
  });
}

export function filterStudents(students: readonly ClassOverviewStudent[], query: string): ClassOverviewStudent[] {
  const words = query.toLocaleLowerCase('nb').split(/\s+/).filter(Boolean);
  if (!words.length) return [...students];
  return students.filter((s) => {
    const name = `${s.givenName} ${s.familyName}`.toLocaleLowerCase('nb');
    return words.every((w) => name.includes(w));
  });
}
