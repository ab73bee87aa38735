/** Legal deadlines of data-rights requests: pure, dependency-free domain code. */

export {
  type IsoDay,
  addDays,
  addMonthsClamped,
  daysBetween,
  fromDateColumn,
  isIsoDay,
  parisDay,
  parisInstant,
  parisMidnight,
  toDateColumn,
  weekdayOf,
} from "./calendar";
export {
  easterSunday,
  frenchPublicHolidays,
  isFrenchPublicHoliday,
  isWorkingDay,
  nextWorkingDay,
} from "./french-holidays";
export {
  type Deadline,
  type DeadlineInput,
  type DeadlineRule,
  canExtend,
  computeDeadline,
  daysLeft,
  latestDueDate,
} from "./compute-due-date";
