/** Short news passages written for these tests: a flood in a fictional town, told by two reports and one opinion piece. */
export const FLOOD_TEXTS: Record<string, string> = {
  a_report: `River floods Eastbridge after days of rain

The river Wend burst its banks on Monday, flooding hundreds of homes in Eastbridge after four days of heavy rain.

Mayor Helen Park declared a state of emergency on Tuesday and asked the national government for army support.

Soldiers arrived on Wednesday to build sandbag walls around the hospital and the power station.

Did anyone see this coming? Not the council.

Officials said two people had died and about 1,200 residents were moved to shelters in schools.`,
  b_report: `Eastbridge counts the cost of the flood

The river Wend burst its banks on Monday, flooding hundreds of homes in the town of Eastbridge after four days of heavy rain.

Insurers estimate the damage at 40 million euros, most of it to shops in the old market quarter.

The environment agency said upstream logging had made the valley far more prone to floods over the last decade.

Farmers downstream accused the agency of ignoring their warnings about the clogged drainage channels.

“We told them every winter,” said farmer Tomas Reyes, who lost most of his sheep.`,
  c_opinion: `Eastbridge was warned and did nothing

The council of Eastbridge spent a decade cutting the budget for flood defences while building new car parks by the river.

Mayor Park now asks for soldiers, but the real failure was the council's refusal to fund the dikes engineers asked for.

Residents deserve an independent inquiry into who ignored the warnings, and they deserve it before the next winter.

“This is a disgrace and everyone knows it.”`,
};

export const FLOOD_HINTS = {
  a_report: { kind: 'news' as const },
  b_report: { kind: 'news' as const },
  c_opinion: { kind: 'opinion' as const },
};
