/**
 * Built-in framework: IC0–IC4 beside M1–M3.
 *
 * Written from the "Software Engineer Levels" guide (seed 002). Each level
 * has a core question, what the person does (scope, code, collaboration,
 * ownership), what success looks like and the path to the next level. IC4
 * and M2 are roughly the same seniority: moving between the tracks is a
 * change of role, not a promotion.
 */
import type { BuiltInFramework } from '../../domain/framework';
import { flattenLevels } from './define';

const TRACK_IC = 'ic0m3-track-ic';
const TRACK_M = 'ic0m3-track-m';

const COMP = {
  scope: 'ic0m3-comp-scope',
  code: 'ic0m3-comp-code',
  collab: 'ic0m3-comp-collab',
  ownership: 'ic0m3-comp-ownership',
  people: 'ic0m3-comp-people',
} as const;

const ladder = flattenLevels([
  // ── IC track ──────────────────────────────────────────────────────────
  {
    id: 'ic0m3-ic0',
    trackId: TRACK_IC,
    code: 'IC0',
    title: 'Intern',
    order: 0,
    summary: 'An intern is learning to work as a professional engineer and can carry out small tasks with step-by-step help.',
    scope: 'task',
    scopeDetail:
      'Precisely described tasks that arrive with the approach already chosen, such as adding validation to a form with a named helper function.',
    autonomy: 'supervised',
    autonomyDetail: 'Works closely with a mentor, needs guidance at each step and asks questions often.',
    definingShift: 'Learning the fundamentals: from writing code alone to shipping small, reviewed changes through the team workflow.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.ownership,
        text: 'Finishes each assigned task, and when blocked brings a specific question to the mentor instead of staying stuck for hours.',
      },
      {
        n: 2,
        competencyId: COMP.code,
        text: 'Gets pull requests approved within two or three review rounds while following the team coding standards.',
      },
      {
        n: 3,
        competencyId: COMP.scope,
        text: 'Takes a small change through the whole development workflow (branch, tests, review, merge, deploy) without skipping a step.',
      },
      {
        n: 4,
        competencyId: COMP.collab,
        text: 'Writes down one new technical concept learned each week and reviews it with the mentor.',
      },
    ],
    notYet: [
      'Has not yet shipped a steady run of small features to production (around ten) that makes the full delivery cycle routine.',
      'Some pull requests still need four or more rounds; does not yet review their own change before asking others to.',
      'Does not yet choose how to approach a task; works from an approach someone else picked.',
    ],
    examples: [
      'Ships the edit-profile change end to end with no P0 bugs, and averages two review rounds across eight assigned tasks in the quarter.',
      'Adds input validation to an existing signup form with the helper a mentor pointed to, including unit tests.',
      'Keeps a weekly learning log (for example, how the CI pipeline runs tests) and walks the mentor through it.',
    ],
  },
  {
    id: 'ic0m3-ic1',
    trackId: TRACK_IC,
    code: 'IC1',
    title: 'Junior Engineer',
    order: 1,
    summary: 'A junior engineer ships features reliably in the team patterns, while still taking direction on how to approach them.',
    scope: 'feature',
    scopeDetail:
      'Small features that come with a suggested solution, such as building sign-in with OAuth using a library the team has already chosen.',
    autonomy: 'guided',
    autonomyDetail: 'Works independently inside the team day to day and pairs with a senior when stuck; the approach is still suggested by others.',
    definingShift: 'Craftsmanship: from finishing tasks with help to shipping features that hold up in production without constant check-ins.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.code,
        text: 'Writes code in the team patterns that gets approved in one or two review rounds.',
      },
      {
        n: 2,
        competencyId: COMP.ownership,
        text: 'Monitors their own features after release (dashboards, logs, error reports) and fixes what breaks before users report it.',
      },
      {
        n: 3,
        competencyId: COMP.ownership,
        text: 'Meets sprint commitments consistently and raises a blocker as soon as it appears rather than at the deadline.',
      },
      {
        n: 4,
        competencyId: COMP.collab,
        text: 'Delivers feature work without scheduled check-ins from a senior, pairing only when genuinely stuck.',
      },
    ],
    notYet: [
      'Does not yet take a feature from spec to launch while deciding the approach alone.',
      'Does not yet debug production incidents from first alert to fix without escalating (around five handled independently).',
      'Has not yet mentored an intern.',
    ],
    examples: [
      'Builds the sign-in flow on the OAuth library the team picked, with tests, and watches its error rate through the first week after release.',
      'Closes every sprint commitment over a quarter and flags a delayed API dependency two days ahead so the plan can move.',
      'Spots an exception from their own feature in the logs and ships the fix before any support ticket arrives.',
    ],
  },
  {
    id: 'ic0m3-ic2',
    trackId: TRACK_IC,
    code: 'IC2',
    title: 'Associate Engineer',
    order: 2,
    summary: 'An associate engineer is handed problems rather than solutions, designs the answer and owns the resulting feature end to end.',
    scope: 'component',
    scopeDetail:
      'Whole features with their edge cases, such as a checkout flow, including the design behind them; plans one or two quarters ahead for what they own.',
    autonomy: 'self-directed',
    autonomyDetail: 'Needs only light guidance; makes the design and technical decisions for their own features.',
    definingShift: 'Execution: from following a suggested approach to designing the solution and owning the outcome end to end.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.scope,
        text: 'Turns a problem statement into their own design, covering edge cases, and delivers it without a senior choosing the approach.',
      },
      {
        n: 2,
        competencyId: COMP.code,
        text: 'Makes and records the technical decisions for their features (libraries, data model, trade-offs), and the result stays maintainable after launch.',
      },
      {
        n: 3,
        competencyId: COMP.collab,
        text: 'Works directly with design, product and engineers on other teams; product managers and designers bring them problems, not only tickets.',
      },
      {
        n: 4,
        competencyId: COMP.ownership,
        text: 'Tracks the metrics of the features they own after launch and keeps a plan for the next one or two quarters of work on them.',
      },
      {
        n: 5,
        competencyId: COMP.collab,
        text: 'Mentors at least one junior engineer or intern through regular pairing and explanatory review comments.',
      },
    ],
    notYet: [
      'Has not yet driven a project that measurably moves a business metric such as conversion, latency or cost.',
      'Does not yet own the system design of a significant feature, including its architectural decisions.',
      'Does not yet propose product changes from technical insight.',
    ],
    examples: [
      'Designs and ships a second version of checkout aimed at lowering cart abandonment from 15% to 10%, and runs its design review with three teams.',
      'Chooses a queue for sending receipts, writes down why, and the feature rides through a holiday traffic spike without rework.',
      'Coaches a junior engineer on testing practice for a quarter, pairing weekly.',
    ],
  },
  {
    id: 'ic0m3-ic3',
    trackId: TRACK_IC,
    code: 'IC3',
    title: 'Senior Engineer',
    order: 3,
    summary: 'A senior engineer starts from a business goal, finds the technical problems behind it and leads the projects that solve them.',
    scope: 'system',
    scopeDetail: 'Goals rather than problems, such as cutting support tickets by a quarter; owns major systems and the standards around them.',
    autonomy: 'trusted',
    autonomyDetail: 'Trusted to find the work as well as do it; leads projects and unblocks other engineers.',
    definingShift: 'Leadership: from owning features to driving business impact through technology and through other engineers.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.scope,
        text: 'Starts from a business goal, identifies the technical problems behind it, and leads a project that ships on time and moves the target metric.',
      },
      {
        n: 2,
        competencyId: COMP.code,
        text: 'Leads the technical decisions for a major system: sets its standards, reviews its architecture, and is asked into other engineers\u2019 design reviews.',
      },
      {
        n: 3,
        competencyId: COMP.collab,
        text: 'Drives an initiative that spans several teams and stakeholders, and changes the roadmap with it.',
      },
      {
        n: 4,
        competencyId: COMP.ownership,
        text: 'Spots a reliability or delivery risk in a system they own and fixes it before it becomes an incident.',
      },
      {
        n: 5,
        competencyId: COMP.collab,
        text: 'Mentors engineers regularly and unblocks others more often than they are blocked themselves.',
      },
      {
        n: 6,
        competencyId: COMP.ownership,
        text: 'Creates or improves a team process, such as a release checklist or on-call runbook, that the team keeps using.',
      },
    ],
    notYet: [
      'Does not yet set the technical direction for a whole domain such as authentication, payments or infrastructure.',
      'Has not yet helped two or three engineers reach the next level through mentorship.',
      'Does not yet fix systemic, organisation-wide problems such as the deploy process, testing or monitoring.',
    ],
    examples: [
      'Leads an API redesign that brings p95 latency down from 800 ms to 200 ms.',
      'Mentors two associate engineers who are working towards IC3.',
      'Makes the CI/CD pipeline twice as fast as a developer-experience improvement.',
      'Turns a goal of fewer support tickets into fixes for the three most-reported flows.',
    ],
  },
  {
    id: 'ic0m3-ic4',
    trackId: TRACK_IC,
    code: 'IC4',
    title: 'Lead Engineer',
    order: 4,
    summary: 'A lead engineer sets technical strategy for a whole domain and multiplies the effectiveness of engineers across the organisation.',
    scope: 'domain',
    scopeDetail: 'A technical space to set direction in, such as authentication across every product; decisions reach multiple teams.',
    autonomy: 'strategic',
    autonomyDetail: 'Sets their own agenda for the domain and partners with leadership on organisation-wide decisions.',
    definingShift: 'Strategy: writes less code and gets leverage through architecture, critical reviews and other engineers.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.scope,
        text: 'Writes a technical strategy for a domain (for example authentication across all products) that several teams adopt and follow.',
      },
      {
        n: 2,
        competencyId: COMP.code,
        text: 'Architects systems and reviews the critical technical decisions of other teams rather than being the main author of the code.',
      },
      {
        n: 3,
        competencyId: COMP.collab,
        text: 'Partners with engineering and product leadership on an organisation-wide decision and drives the initiative that follows from it.',
      },
      {
        n: 4,
        competencyId: COMP.ownership,
        text: 'Sets an organisation-wide engineering standard, such as monitoring and alerting rules, and tracks its effect on incidents.',
      },
      {
        n: 5,
        competencyId: COMP.collab,
        text: 'Grows senior engineers into technical leaders; engineers from other teams bring their hardest problems to them.',
      },
      {
        n: 6,
        competencyId: COMP.ownership,
        text: 'Identifies a class of problem early and puts a preventive fix in place across teams before it causes incidents.',
      },
    ],
    notYet: [
      'Is not yet responsible for company-wide technical strategy, which larger companies give to Staff or Principal engineers beyond this ladder.',
      'Does not manage people; moving to M1 is a change of role rather than a promotion.',
    ],
    examples: [
      'Defines a microservices strategy and rolls it out across five teams.',
      'Cuts production incidents by 40% through better monitoring and alerting.',
      'Mentors three senior engineers into technical leadership roles.',
    ],
  },

  // ── Manager track ─────────────────────────────────────────────────────
  {
    id: 'ic0m3-m1',
    trackId: TRACK_M,
    code: 'M1',
    title: 'Engineering Manager',
    order: 0,
    summary: 'An engineering manager delivers through a team of three to five engineers and measures their own success by the team\u2019s.',
    scope: 'system',
    scopeDetail: 'One team of 3\u20135 individual contributors, the projects it delivers and the growth of its people.',
    autonomy: 'trusted',
    autonomyDetail:
      'Runs the team\u2019s people processes and delivery on their own; stays technical enough to guide decisions, reviewing more and coding less.',
    definingShift: 'Team success: from personal output to the delivery and growth of a team.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.people,
        text: 'Runs regular 1:1s, quarterly goal setting and performance reviews for every report.',
      },
      {
        n: 2,
        competencyId: COMP.ownership,
        text: 'The team meets its commitments reliably each quarter, and the manager clears blockers faster than the team hits them.',
      },
      {
        n: 3,
        competencyId: COMP.people,
        text: 'Helps one or two reports move up a level with a written plan tied to the next level\u2019s criteria.',
      },
      {
        n: 4,
        competencyId: COMP.people,
        text: 'Hires one or two engineers and gets them contributing quickly.',
      },
      {
        n: 5,
        competencyId: COMP.code,
        text: 'Guides technical decisions through reviews and design discussions while writing less code than the team.',
      },
      {
        n: 6,
        competencyId: COMP.people,
        text: 'Keeps morale high, visible in retention and in the team\u2019s own feedback.',
      },
    ],
    notYet: [
      'Has not yet grown a team from about three to six or eight engineers through hiring and fast onboarding.',
      'Has not yet shipped a major initiative that runs for two quarters or more.',
      'Does not yet manage other managers or more than one team.',
    ],
    examples: [
      'Hires two IC2 engineers who start before the third quarter.',
      'Coaches a junior engineer from IC1 to IC2 with a quarterly plan.',
      'Ships the second version of payments on schedule with no P0 incidents.',
    ],
  },
  {
    id: 'ic0m3-m2',
    trackId: TRACK_M,
    code: 'M2',
    title: 'Senior Engineering Manager',
    order: 1,
    summary: 'A senior engineering manager scales a product area of 10\u201315 engineers, building the structure, processes and people pipeline it runs on.',
    scope: 'domain',
    scopeDetail: 'A product area of 10\u201315 engineers in two or three teams, or with one or two managers reporting in.',
    autonomy: 'strategic',
    autonomyDetail: 'Designs the org structure and processes for the area; the teams execute without constant oversight.',
    definingShift: 'Org building: from running one team to building the structure and pipeline that let several teams run.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.ownership,
        text: 'Owns delivery for a whole product area, coordinating several teams that execute without day-to-day oversight.',
      },
      {
        n: 2,
        competencyId: COMP.people,
        text: 'Manages managers or a large group of engineers and keeps a healthy talent pipeline: candidates want to join and reports are progressing.',
      },
      {
        n: 3,
        competencyId: COMP.scope,
        text: 'Reshapes the org when it needs to, for example splitting one team of twelve into two teams of six with clear ownership.',
      },
      {
        n: 4,
        competencyId: COMP.code,
        text: 'Sets architectural direction for the area and reviews its major technical decisions, with little hands-on coding.',
      },
      {
        n: 5,
        competencyId: COMP.collab,
        text: 'Standardises a process that other managers then adopt for their own teams.',
      },
    ],
    notYet: [
      'Does not yet have impact across several product areas beyond their own org.',
      'Has not yet developed one or two managers, for example an IC4 into an M1 or an M1 into an M2.',
      'Does not yet drive initiatives that span organisations.',
    ],
    examples: [
      'Promotes a lead engineer to M1 and moves five reports over to them.',
      'Ships the quarter\u2019s roadmap across two product areas, payments and billing.',
      'Splits a twelve-person team into two teams of six with separate ownership.',
    ],
  },
  {
    id: 'ic0m3-m3',
    trackId: TRACK_M,
    code: 'M3',
    title: 'Director of Engineering',
    order: 2,
    summary: 'A director owns the strategy and business results of a major product area of 20\u201340 engineers led through several managers.',
    scope: 'organisation',
    scopeDetail: 'A major product area of 20\u201340 engineers with several managers reporting in; impact reaches across organisations.',
    autonomy: 'strategic',
    autonomyDetail: 'Sets the area strategy with product and design leadership; the executive team relies on their technical judgement.',
    definingShift: 'Cross-org impact: from scaling an area to owning its business outcomes and long-term technical strategy.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.ownership,
        text: 'Owns a measurable business outcome for the area (revenue, cost savings or user growth) and delivers it.',
      },
      {
        n: 2,
        competencyId: COMP.people,
        text: 'Grows the managers who report to them, and the org becomes known as a good place to grow, visible in hiring and retention.',
      },
      {
        n: 3,
        competencyId: COMP.code,
        text: 'Sets the technical vision for the area, makes build-versus-buy decisions and keeps the architecture coherent across teams.',
      },
      {
        n: 4,
        competencyId: COMP.collab,
        text: 'Shapes the area strategy with product and design leadership and represents engineering in executive discussions.',
      },
      {
        n: 5,
        competencyId: COMP.people,
        text: 'Improves hiring for the whole org, for example shortening time-to-hire through a process change.',
      },
    ],
    notYet: [
      'Does not yet own all of engineering, which is the VP of Engineering scope beyond this ladder.',
      'Does not yet set company-wide technical strategy and execution, which is the CTO scope.',
    ],
    examples: [
      'Ships a marketplace platform that unlocks $5M of annual recurring revenue.',
      'Brings in two senior managers, one for payments and one for identity.',
      'Cuts engineering time-to-hire from 60 days to 30 by changing the hiring process.',
    ],
  },
]);

export const ic0M3Levels: BuiltInFramework = {
  id: 'builtin-ic0-m3-v1',
  lineageId: 'builtin-ic0-m3',
  name: 'IC0\u2013IC4 and M1\u2013M3',
  description:
    'Five individual contributor levels (Intern to Lead Engineer) beside three manager levels (Engineering Manager to Director). ' +
    'Each level says what scope of problem arrives, how the person codes, collaborates and owns work, what success looks like, ' +
    'and what to work on to reach the next level. IC4 and M2 are about the same seniority; switching tracks is a change of role.',
  source: 'Software Engineer Levels guide (IC0\u2013IC4, M1\u2013M3)',
  tracks: [
    {
      id: TRACK_IC,
      name: 'Individual contributor',
      kind: 'ic',
      description: 'Grows impact through technical work, from learning to ship (IC0) to setting technical direction (IC4).',
    },
    {
      id: TRACK_M,
      name: 'Manager',
      kind: 'manager',
      description: 'Grows impact through people, from one team of 3\u20135 (M1) to a product area of 20\u201340 engineers (M3).',
    },
  ],
  competencies: [
    {
      id: COMP.scope,
      name: 'Scope',
      description:
        'How work arrives: exact tasks, then problems with a suggested solution, problems alone, goals, and finally a whole space to set direction in.',
    },
    {
      id: COMP.code,
      name: 'Code and technical judgement',
      description:
        'The quality of the code and of the technical decisions behind it; for managers, staying technical enough to guide and review decisions.',
    },
    {
      id: COMP.collab,
      name: 'Collaboration',
      description: 'Working with mentors, teammates, other teams, product, design and leadership, including mentoring others.',
    },
    {
      id: COMP.ownership,
      name: 'Ownership',
      description: 'What the person answers for: tasks, features, systems, domains, and for managers the delivery and outcomes of their org.',
    },
    {
      id: COMP.people,
      name: 'Team and people',
      description: 'Manager work: 1:1s, goal setting, performance reviews, hiring, growing engineers and managers, morale.',
    },
  ],
  levels: ladder.levels,
  criteria: ladder.criteria,
  equivalences: [
    {
      id: 'ic0m3-eq-ic4-m2',
      levelIds: ['ic0m3-ic4', 'ic0m3-m2'],
      note: 'About the same seniority. Moving between IC and manager is a change of role, not a promotion, and can go either way.',
    },
  ],
  roles: [],
};
