export * from './iso-date.ts';
export { easterSunday } from './easter.ts';
export {
  bankHolidaysEnglandAndWales,
  isBankHoliday,
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  type BankHoliday,
} from './bank-holidays.ts';
export { isWorkingDay, addWorkingDays, workingDaysBetween } from './working-days.ts';
