import type { WorldSpec } from "./spec";

/** Ground truth for the writing, reasoning, math, code and extraction prompts of the built-in experiment set. */
export const TASK_WORLDS: WorldSpec[] = [
  {
    question: "Write a four-line poem about a lighthouse keeper who has never seen the sea in daylight.",
    kind: "prose",
    work: {
      format: "quote",
      variants: [
        "He climbs the stair when daylight drains away,\nand trims the flame that sweeps the rocks below;\nhe knows the sea by salt and roar and spray,\nbut not the blue the morning boats must know.",
        "All night he turns the light for ships unseen,\nhis world a ring of black the beam can cross;\nat dawn he sleeps, and dreams of sunlit green,\na daylight ocean, known to him as loss.",
        "He wakes at dusk to tend the turning light,\nand counts the waves by sound along the shore;\nhe guards a sea that lives for him by night,\nand wonders what it looks like at the core.",
      ],
    },
    points: [
      "It keeps to exactly four lines, as the prompt asks.",
      "The keeper sees the sea only at night, lit by his own beam.",
      "He knows the sea through sound, salt and spray rather than sight.",
      "The closing line turns on the irony that he guards a sea he has never seen by day.",
      "A regular ABAB rhyme gives the lines the steady rhythm of a turning lamp.",
      "Concrete images such as the stair, the flame and the rocks carry the feeling instead of abstract words.",
    ],
    wrong: [
      "The keeper should be shown watching the waves sparkle in the midday sun.",
      "A poem like this needs at least eight lines to tell the whole story.",
      "Rhyme would make this poem sound childish, so free verse is required.",
    ],
  },
  {
    question: "Draft a polite two-paragraph email declining a job offer while keeping the door open for the future.",
    kind: "prose",
    work: {
      format: "quote",
      variants: [
        "Dear Ms Patel,\n\nThank you very much for offering me the Product Analyst role and for the time your team spent with me. After careful thought I have decided to decline, as I have accepted a position that is a closer fit for my current goals.\n\nI enjoyed meeting the team and I admire the work you are doing. I would be glad to stay in touch, and I hope our paths cross again in the future.\n\nKind regards,\nAlex Morgan",
        "Dear Mr Okafor,\n\nThank you for the offer to join Brightline as a Data Engineer, and for a warm and well-organised interview process. I have given it a lot of thought and have decided not to accept, because another role matches the direction I want to take right now.\n\nI have great respect for your team and would very much welcome the chance to work together later on. Please keep me in mind for future openings; I would be happy to stay in touch.\n\nBest wishes,\nSam Rivera",
      ],
    },
    points: [
      "Thank the employer for the offer and for the time spent on the interviews.",
      "State the decision plainly in the first paragraph: you are declining the offer.",
      "Give a short, honest reason, such as accepting a role that fits your goals better, without criticising the company.",
      "Say that you enjoyed meeting the team and respect their work.",
      "Keep the door open by saying you would welcome working together in the future and would like to stay in touch.",
      "Close with a professional sign-off and your full name, and keep the whole email to two short paragraphs.",
    ],
    wrong: [
      "Use the same email to ask for a higher salary before you decline.",
      "List everything the company could improve, so they understand your decision.",
      "Declining by email is rude, so you must always decline in person.",
    ],
  },
  {
    question: "A bat and a ball cost $1.10 together; the bat costs $1.00 more than the ball. How much is the ball? Explain briefly.",
    kind: "prose",
    points: [
      "The ball costs $0.05, five cents.",
      "Let the ball cost x dollars; then the bat costs x + 1.00 dollars.",
      "Together x + (x + 1.00) = 1.10, so 2x = 0.10 and x = 0.05.",
      "Check: the bat costs $1.05, and $1.05 plus $0.05 makes $1.10.",
      "The bat is then exactly one dollar more than the ball, because $1.05 minus $0.05 is $1.00.",
      "The intuitive answer of ten cents fails: the bat would then cost $1.10 and the total would be $1.20.",
    ],
    wrong: [
      "The ball costs 10 cents.",
      "The bat costs exactly $1.00.",
      "Subtracting $1.00 from $1.10 directly gives the price of the ball.",
    ],
  },
  {
    question: "Three friends share a taxi: Ana rides 2 km, Ben 5 km, Caro 8 km along the same route. How should a 24 euro fare be split fairly, and why?",
    kind: "prose",
    points: [
      "The taxi drives 8 km in total, so the fare works out at 3 euros per kilometre.",
      "Split each stretch of the route equally among the people riding on that stretch, because they share it.",
      "The first 2 km cost 6 euros and all three ride them, so each pays 2 euros for that stretch.",
      "The stretch from 2 km to 5 km costs 9 euros and is shared by Ben and Caro, so each pays 4.50 euros for it.",
      "The last stretch, from 5 km to 8 km, costs 9 euros and only Caro rides it.",
      "So Ana pays 2 euros, Ben pays 6.50 euros and Caro pays 15.50 euros, which adds up to 24 euros.",
    ],
    wrong: [
      "Each friend should pay 8 euros, because they all shared one taxi.",
      "Splitting in proportion to distance gives Ana 3.20, Ben 8 and Caro 12.80 euros, and that is the only fair split.",
      "The fare is 1.60 euros per kilometre, since the three friends travel 15 km between them.",
    ],
  },
  {
    question: "What is the sum of all integers from 1 to 200 that are divisible by 3 or by 5? Show the steps.",
    kind: "list",
    points: [
      "Use inclusion and exclusion: add the multiples of 3 and the multiples of 5, then subtract the multiples of 15, which were counted twice.",
      "There are 66 multiples of 3 from 3 to 198, and they sum to 3 × (66 × 67 / 2) = 6633.",
      "There are 40 multiples of 5 from 5 to 200, and they sum to 5 × (40 × 41 / 2) = 4100.",
      "There are 13 multiples of 15 from 15 to 195, and they sum to 15 × (13 × 14 / 2) = 1365.",
      "The total is 6633 + 4100 − 1365 = 9368.",
      "Each sum uses the arithmetic-series formula: the first n multiples of k add up to k × n(n + 1)/2.",
    ],
    wrong: [
      "The answer is 6633 + 4100 = 10733.",
      "There are 67 multiples of 3 up to 200.",
      "Only 39 multiples of 5 count, because 200 itself is excluded.",
    ],
  },
  {
    question: "A tank fills in 6 hours with pipe A and in 4 hours with pipe B. How long with both open? Give the answer in hours and minutes.",
    kind: "prose",
    points: [
      "On its own, pipe A fills one sixth of the tank every hour, and pipe B fills one quarter.",
      "Open together, they fill 1/6 + 1/4 = 5/12 of the tank per hour.",
      "The time is the reciprocal of that rate: 12/5 = 2.4 hours.",
      "0.4 of an hour is 24 minutes, so the answer is 2 hours and 24 minutes.",
      "Check: in 2.4 hours A fills 0.4 of the tank and B fills 0.6, one full tank.",
      "Add the rates, not the times: both pipes together must be quicker than the faster pipe alone.",
    ],
    wrong: [
      "Take the average of 6 and 4: both pipes need 5 hours.",
      "Add the two times: both pipes need 10 hours.",
      "2.4 hours is 2 hours and 40 minutes.",
    ],
  },
  {
    question: "Write a TypeScript function that returns the longest common prefix of an array of strings, with two example calls.",
    kind: "code",
    work: {
      format: "code",
      lang: "ts",
      variants: [
        'function longestCommonPrefix(words: string[]): string {\n  if (words.length === 0) return "";\n  const first = words[0];\n  for (let i = 0; i < first.length; i++) {\n    const ch = first[i];\n    if (words.some((w) => i >= w.length || w[i] !== ch)) return first.slice(0, i);\n  }\n  return first;\n}\n\nconsole.log(longestCommonPrefix(["flower", "flow", "flight"])); // fl\nconsole.log(longestCommonPrefix(["dog", "racecar", "car"])); // (empty string)',
        'export function longestCommonPrefix(strs: string[]): string {\n  if (strs.length === 0) return "";\n  let end = 0;\n  const [head, ...rest] = strs;\n  while (end < head.length && rest.every((s) => s[end] === head[end])) end++;\n  return head.slice(0, end);\n}\n\nlongestCommonPrefix(["interview", "internet", "interval"]); // "inter"\nlongestCommonPrefix(["dog", "racecar", "car"]); // no common prefix',
      ],
    },
    points: [
      "An empty array has no common prefix, so the function returns an empty string.",
      "Take the first string as the reference and compare its characters column by column with every other string.",
      "Return the part before the first column where some string is too short or has a different character.",
      "If no column differs, the whole first string is the common prefix.",
      "An example call on flower, flow and flight returns the prefix fl.",
      "An example call on dog, racecar and car returns an empty string, because the first letters already differ.",
      "Each character is read at most once, so the running time is O(S) for S characters in total.",
    ],
    wrong: [
      "Sorting the array first is required for the function to be correct.",
      "The common prefix of flower, flow and flight is flow.",
      "Comparing only the first and last strings of the unsorted array gives the right answer.",
    ],
  },
  {
    question: "Explain what this Python prints and why: x = [[0] * 2] * 2; x[0][0] = 1; print(x)",
    kind: "code",
    work: {
      format: "code",
      lang: "python",
      variants: [
        "x = [[0] * 2] * 2\nprint(x[0] is x[1])  # True: one inner list, two references\nx[0][0] = 1\nprint(x)  # [[1, 0], [1, 0]]\n\nsafe = [[0] * 2 for _ in range(2)]\nsafe[0][0] = 1\nprint(safe)  # [[1, 0], [0, 0]]",
      ],
    },
    points: [
      "Its output is [[1, 0], [1, 0]].",
      "The expression [0] * 2 builds one inner list, [0, 0].",
      "Multiplying the outer list by 2 repeats the reference to that inner list instead of copying it, so both rows are the same object.",
      "Setting x[0][0] = 1 changes the shared inner list, so the change shows in both rows.",
      "You can check this with x[0] is x[1], which is True.",
      "To get independent rows, build them with a comprehension: [[0] * 2 for _ in range(2)].",
    ],
    wrong: [
      "It prints [[1, 0], [0, 0]], with only the first row changed.",
      "The * operator makes a deep copy of the inner list.",
      "The code raises a TypeError because lists cannot be multiplied.",
    ],
  },
  {
    question:
      "From this note, list every date and what happens on it as JSON: 'Kickoff is on March 3rd. The design review moved from the 10th to March 12. Launch is planned for April 30, with a retro the week after.'",
    kind: "code",
    rows: { format: "json" },
    points: [
      { text: "Kickoff is on March 3.", row: '{ "date": "March 3", "event": "Kickoff" }' },
      { text: "The design review is now on March 12.", row: '{ "date": "March 12", "event": "Design review (moved from March 10)" }' },
      "The 10th is only the design review's former date, so it is recorded as moved rather than as an event.",
      { text: "Launch is planned for April 30.", row: '{ "date": "April 30", "event": "Launch" }' },
      { text: "The retro falls in the week after April 30, and the note gives no exact day for it.", row: '{ "date": "week after April 30", "event": "Retro" }' },
      "The note gives no year, so the dates are kept as written instead of being guessed as full ISO dates.",
    ],
    wrong: [
      { text: "The design review is on March 10.", row: '{ "date": "March 10", "event": "Design review" }' },
      { text: "The retro is held on April 30.", row: '{ "date": "April 30", "event": "Retro" }' },
      { text: "The retro is on May 7.", row: '{ "date": "May 7", "event": "Retro" }' },
    ],
  },
  {
    question:
      "Extract the people and their roles as a table: 'Dr. Lena Ortiz chairs the panel; Sam Lee, a nurse, takes notes; the patient's son, Omar, asks questions.'",
    kind: "list",
    rows: { format: "table", header: "| Person | Role |\n| --- | --- |" },
    points: [
      { text: "Dr. Lena Ortiz chairs the panel.", row: "| Dr. Lena Ortiz | Chairs the panel |" },
      { text: "Sam Lee is a nurse and takes the notes.", row: "| Sam Lee | Nurse; takes notes |" },
      { text: "Omar is the patient's son and asks questions.", row: "| Omar | Patient's son; asks questions |" },
      "The patient is mentioned but not named, so the patient gets no row.",
      "Three people are named in the note: Lena Ortiz, Sam Lee and Omar.",
    ],
    wrong: [
      { text: "Sam Lee chairs the panel.", row: "| Sam Lee | Chairs the panel |" },
      { text: "Omar is the patient.", row: "| Omar | Patient |" },
      { text: "Dr. Lena Ortiz takes the notes.", row: "| Dr. Lena Ortiz | Takes notes |" },
    ],
  },
];
