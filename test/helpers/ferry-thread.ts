/**
 * A made-up reader thread under a report on ferry fares: one reader states a view, one answers it by name without
 * quoting its words, one assents. Shared by the viewpoints tests of replies and of claim holders.
 */
export const FERRY_THREAD = `March 3, 2025 | 3 Comments »

3 Comments / 3 Comments

  1. IslandSue says:
  March 3, 2025 at 9:02 am

  Island fares should be frozen for residents, full stop.

  2. HarbourHank says:
  March 3, 2025 at 9:40 am

  @IslandSue Then who pays the crews for the night sailings? Somebody has to.

  3. Mo Tran says:
  March 3, 2025 at 10:05 am

  @IslandSue Agreed. The island has no other way to the mainland.`;
