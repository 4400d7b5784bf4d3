/**
 * Built-in framework: engineering, architecture and management streams.
 *
 * Written from two seeds: the software engineer career path guide (seed 001:
 * the IC ladder from junior to distinguished, the parallel management ladder,
 * and what moves mid and senior engineers forward) and the career
 * progression chart notes (seed 004: streams as rows, team lead as an added
 * responsibility rather than a box of its own, architects versus principal
 * engineers, managers answering for people rather than projects, CTOs hired
 * rather than promoted).
 *
 * Team lead is a role held on top of a level (`roles`), never a level.
 */
import type { BuiltInFramework } from '../../domain/framework';
import { flattenLevels } from './define';

const TRACK_ENG = 'streams-track-engineering';
const TRACK_ARCH = 'streams-track-architecture';
const TRACK_MGMT = 'streams-track-management';

const COMP = {
  delivery: 'streams-comp-delivery',
  design: 'streams-comp-design-standards',
  direction: 'streams-comp-direction',
  mentoring: 'streams-comp-mentoring',
  communication: 'streams-comp-communication',
  friction: 'streams-comp-removing-friction',
  crossTeam: 'streams-comp-cross-team',
  people: 'streams-comp-people',
} as const;

const ladder = flattenLevels([
  // ── Engineering stream (individual contributors) ──────────────────────
  {
    id: 'streams-eng-junior',
    trackId: TRACK_ENG,
    code: 'E1',
    title: 'Junior Software Engineer',
    order: 0,
    summary: 'A junior engineer implements features that others have defined, while learning to design, build, test and ship them.',
    scope: 'task',
    scopeDetail: 'Defined tickets and small features inside one team\u2019s codebase.',
    autonomy: 'guided',
    autonomyDetail: 'Works from defined tickets with regular help from more senior engineers.',
    definingShift: 'From learning to code to implementing features as part of a team.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.delivery,
        text: 'Implements a defined feature including its tests and sees it through review to deployment.',
      },
      {
        n: 2,
        competencyId: COMP.communication,
        text: 'Says in the team channel when stuck, with what has been tried, instead of waiting to be asked.',
      },
      {
        n: 3,
        competencyId: COMP.delivery,
        text: 'Applies review feedback so the same issue does not come up again on later changes.',
      },
    ],
    notYet: [
      'Does not yet own a feature from design to deployment on their own.',
      'Does not yet take on problems that slow down the rest of the team.',
    ],
    examples: [
      'Builds a CSV export for an existing report from a ticket, with tests, and deploys it with a senior engineer.',
      'Posts a question about a failing migration with the logs and the two fixes already tried.',
    ],
  },
  {
    id: 'streams-eng-mid',
    trackId: TRACK_ENG,
    code: 'E2',
    title: 'Mid-Level Software Engineer',
    order: 1,
    summary: 'A mid-level engineer owns features from design to deployment and starts removing friction for the rest of the team.',
    scope: 'feature',
    scopeDetail: 'Whole features and small projects, plus fixes to things that slow the team down.',
    autonomy: 'self-directed',
    autonomyDetail: 'Designs, builds, tests and deploys their own work without close supervision.',
    definingShift: 'From implementing defined work to owning it end to end and making it visible.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.delivery,
        text: 'Owns a feature end to end: designs the solution, writes and tests the code, and deploys it.',
      },
      {
        n: 2,
        competencyId: COMP.communication,
        text: 'After a launch, tells the team what shipped, why it matters and what they would change next time.',
      },
      {
        n: 3,
        competencyId: COMP.friction,
        text: 'Fixes something that slows the team down outside their own tickets, such as flaky tests, a manual deploy step or an outdated onboarding doc.',
      },
      {
        n: 4,
        competencyId: COMP.mentoring,
        text: 'Helps a junior engineer without being asked, through pairing or review comments that explain the reasoning.',
      },
    ],
    notYet: [
      'Does not yet take on complex problems or shape the architecture of a project.',
      'Does not yet contribute across team boundaries.',
    ],
    examples: [
      'Stabilises the flaky end-to-end suite nobody wanted to touch and writes up the root causes.',
      'Automates the manual database backup step in the deploy process.',
      'Posts a launch note for a new search filter with usage after a week and one lesson learned.',
    ],
  },
  {
    id: 'streams-eng-senior',
    trackId: TRACK_ENG,
    code: 'E3',
    title: 'Senior Software Engineer',
    order: 2,
    summary: 'A senior engineer takes on complex problems, shapes the architecture and design of projects, and mentors junior engineers.',
    scope: 'system',
    scopeDetail: 'Complex problems and the architecture and design of whole projects.',
    autonomy: 'trusted',
    autonomyDetail: 'Trusted with the design of projects and with the problems others cannot move on.',
    definingShift: 'From owning features to owning the hard problems and the design of a project.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.design,
        text: 'Shapes the architecture and design of a project and explains its trade-offs in writing, in a design document or the project channel.',
      },
      {
        n: 2,
        competencyId: COMP.friction,
        text: 'Solves a complex problem that had been holding the team back, such as cleaning up a legacy service that kept causing regressions.',
      },
      {
        n: 3,
        competencyId: COMP.mentoring,
        text: 'Mentors junior and mid-level engineers regularly through pairing and educational review comments.',
      },
      {
        n: 4,
        competencyId: COMP.crossTeam,
        text: 'Contributes beyond the team, for example an internal library, a documented shared pattern or standardised tooling that another team uses.',
      },
      {
        n: 5,
        competencyId: COMP.communication,
        text: 'Writes a short proposal or leads a retrospective that changes how the team works.',
      },
    ],
    notYet: [
      'Does not yet solve problems that affect several projects or the whole company.',
      'Does not yet mentor other senior engineers or hold a big say in technology decisions beyond their project.',
    ],
    examples: [
      'Rewrites a regression-prone legacy pricing service behind the same API, with the team shipping on top of it throughout.',
      'Publishes a shared retry library that two other teams adopt.',
      'Writes the design for a new notification pipeline and walks the team through the trade-offs before building it.',
    ],
  },
  {
    id: 'streams-eng-staff',
    trackId: TRACK_ENG,
    code: 'E4',
    title: 'Staff Engineer',
    order: 3,
    summary: 'A staff engineer bridges hands-on coding and technical strategy, solving larger problems that affect several projects or the company.',
    scope: 'domain',
    scopeDetail: 'Problems that span several projects or the whole company.',
    autonomy: 'strategic',
    autonomyDetail: 'Shapes technical direction and has a large say in technology decisions; codes when the problem needs it.',
    definingShift: 'From one project\u2019s design to technical direction across projects.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.direction,
        text: 'Sets technical direction for a problem that spans several projects, and the affected teams adopt it.',
      },
      {
        n: 2,
        competencyId: COMP.delivery,
        text: 'Still goes deep into the code where it matters, such as writing the first version of a shared component or the hardest part of a migration.',
      },
      {
        n: 3,
        competencyId: COMP.mentoring,
        text: 'Mentors senior engineers as well as juniors.',
      },
      {
        n: 4,
        competencyId: COMP.crossTeam,
        text: 'Proposes a technology decision for several teams and sees it adopted, such as a shared datastore or messaging approach.',
      },
    ],
    notYet: [
      'Does not yet set the technical vision or technical standards for the whole company.',
      'Does not yet take part in key business decisions.',
    ],
    examples: [
      'Leads the move of four services onto a shared event bus and writes its first client.',
      'Mentors two senior engineers through their first cross-team designs.',
    ],
  },
  {
    id: 'streams-eng-principal',
    trackId: TRACK_ENG,
    code: 'E5',
    title: 'Principal Engineer',
    order: 4,
    summary: 'A principal engineer sets the vision for the software side of the company and works on company-wide problems, with less daily coding.',
    scope: 'organisation',
    scopeDetail: 'Company-wide software problems and technical standards; stays closer to application code than an architect.',
    autonomy: 'strategic',
    autonomyDetail: 'Sets technical vision and standards, and is involved in key business decisions.',
    definingShift: 'From direction across projects to vision and standards for the company.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.direction,
        text: 'Writes the technical vision for the company\u2019s software, and teams plan their work against it.',
      },
      {
        n: 2,
        competencyId: COMP.design,
        text: 'Sets a technical standard that applies company-wide, such as API design rules or service ownership rules.',
      },
      {
        n: 3,
        competencyId: COMP.direction,
        text: 'Contributes the technical analysis to a key business decision and the decision reflects it.',
      },
      {
        n: 4,
        competencyId: COMP.delivery,
        text: 'Solves a complex company-wide software problem, such as a shared performance or data consistency issue, working close to the application code.',
      },
    ],
    notYet: [
      'Their technical influence does not yet reach outside the company (the Distinguished level, at top-tier organisations).',
    ],
    examples: [
      'Writes the API standards every team now follows and reviews the first services built to them.',
      'Provides the technical cost analysis that decides whether the company enters a new market with its existing platform.',
    ],
  },
  {
    id: 'streams-eng-distinguished',
    trackId: TRACK_ENG,
    code: 'E6',
    title: 'Distinguished Engineer',
    order: 5,
    optional: true,
    summary: 'A distinguished engineer, found at top-tier organisations, has technical influence that reaches beyond the company.',
    scope: 'organisation',
    scopeDetail: 'The company and the industry around it.',
    autonomy: 'strategic',
    autonomyDetail: 'Chooses their own problems at company and industry level.',
    definingShift: 'From company-wide vision to influence beyond the company.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.crossTeam,
        text: 'Publishes technical work that engineers outside the company use or cite, such as open-source software, standards or papers.',
      },
      {
        n: 2,
        competencyId: COMP.direction,
        text: 'Represents the company\u2019s engineering in the wider industry, for example in a standards body or a major open-source project.',
      },
      {
        n: 3,
        competencyId: COMP.mentoring,
        text: 'Coaches Principal and Staff engineers across the company.',
      },
    ],
    notYet: [
      'Top of the stream: does not own day-to-day technical decisions for any one project.',
    ],
    examples: [
      'Leads an open-source framework the company depends on and that other companies adopt.',
      'Sits on a standards committee and brings its direction back into the company\u2019s platform plans.',
    ],
  },

  // ── Architecture stream ───────────────────────────────────────────────
  {
    id: 'streams-arch-architect',
    trackId: TRACK_ARCH,
    code: 'A1',
    title: 'Architect',
    order: 0,
    summary: 'An architect designs the system as a whole, making high-level design choices and setting standards so the parts of the ecosystem work together.',
    scope: 'organisation',
    scopeDetail: 'The whole software ecosystem: application code together with infrastructure, tooling, platforms and integrations.',
    autonomy: 'strategic',
    autonomyDetail: 'Makes high-level design choices and sets the technical standards, including tools and platforms.',
    definingShift: 'From building the software to planning how every part of the system fits together; less code, more system design.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.design,
        text: 'Makes and records a high-level design choice for the system as a whole, such as how services communicate or where data lives.',
      },
      {
        n: 2,
        competencyId: COMP.design,
        text: 'Sets technical standards for tools and platforms that the teams adopt.',
      },
      {
        n: 3,
        competencyId: COMP.direction,
        text: 'Plans how a new technology is integrated into the existing ecosystem, covering application code, infrastructure and tooling.',
      },
      {
        n: 4,
        competencyId: COMP.crossTeam,
        text: 'Resolves a scalability or security challenge that cuts across several systems with a plan the teams carry out.',
      },
    ],
    notYet: [
      'Does not manage people, and does not own the technical success of individual projects; that stays with the engineering stream.',
    ],
    examples: [
      'Defines how the billing system integrates with a new payments provider, including the infrastructure and monitoring changes.',
      'Chooses the company\u2019s container platform and writes the standard every team deploys to.',
      'Designs the tenant isolation approach that closes a cross-service security gap.',
    ],
  },

  // ── Management stream ─────────────────────────────────────────────────
  {
    id: 'streams-mgmt-em',
    trackId: TRACK_MGMT,
    code: 'M1',
    title: 'Engineering Manager',
    order: 0,
    summary: 'An engineering manager answers for how the people on the team are doing: their growth, wellbeing and productivity.',
    scope: 'system',
    scopeDetail: 'The people on one team, and the way the team works: rituals, decision loops, hiring quality.',
    autonomy: 'trusted',
    autonomyDetail: 'Owns the team\u2019s people processes; the technical success of projects stays with the engineering stream.',
    definingShift: 'From building systems to building the system that builds them.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.people,
        text: 'Holds regular one-on-ones with every report, covering career growth, project issues and whatever else is on their mind.',
      },
      {
        n: 2,
        competencyId: COMP.people,
        text: 'Runs performance reviews and hiring for the team, and handles exits when needed.',
      },
      {
        n: 3,
        competencyId: COMP.communication,
        text: 'Passes on company updates and initiatives reports need, and explains what they mean for the team.',
      },
      {
        n: 4,
        competencyId: COMP.friction,
        text: 'Changes a team ritual or decision loop, such as how technical discussions run, and the team keeps the change.',
      },
      {
        n: 5,
        competencyId: COMP.people,
        text: 'Deals with friction before it derails work, such as tension between two engineers or a vague spec rewritten before the sprint starts.',
      },
    ],
    notYet: [
      'Does not yet manage other managers or several teams.',
      'Does not own whether projects succeed technically; that belongs to the engineering stream.',
    ],
    examples: [
      'Notices a previously strong engineer disengaging, finds the cause in one-on-ones and agrees a change of project.',
      'Rewrites an ambiguous spec with the product manager before it reaches sprint planning.',
      'Introduces a written decision log for the team\u2019s technical discussions.',
    ],
  },
  {
    id: 'streams-mgmt-director',
    trackId: TRACK_MGMT,
    code: 'M2',
    title: 'Director of Engineering',
    order: 1,
    summary: 'A director of engineering leads engineering managers and answers for the people and delivery of several teams.',
    scope: 'domain',
    scopeDetail: 'Several teams and the managers who lead them.',
    autonomy: 'strategic',
    autonomyDetail: 'Sets how the teams under them are organised and staffed, in line with business goals.',
    definingShift: 'From managing engineers to managing managers.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.people,
        text: 'Manages engineering managers and holds them to a common standard for one-on-ones, reviews and hiring.',
      },
      {
        n: 2,
        competencyId: COMP.people,
        text: 'Grows a team lead or engineer into an engineering manager.',
      },
      {
        n: 3,
        competencyId: COMP.direction,
        text: 'Aligns several teams\u2019 work with the business goals of the area and explains that link to each team.',
      },
      {
        n: 4,
        competencyId: COMP.people,
        text: 'Owns the hiring plan across several teams and keeps the hiring bar consistent between them.',
      },
    ],
    notYet: [
      'Does not yet lead the whole engineering organisation.',
    ],
    examples: [
      'Coaches a senior engineer who held the team lead role into their first engineering manager position.',
      'Calibrates interview feedback across three teams so they hire to the same bar.',
    ],
  },
  {
    id: 'streams-mgmt-vp',
    trackId: TRACK_MGMT,
    code: 'M3',
    title: 'VP of Engineering',
    order: 2,
    summary: 'A VP of engineering leads the whole engineering organisation through its directors and managers.',
    scope: 'organisation',
    scopeDetail: 'All of engineering.',
    autonomy: 'strategic',
    autonomyDetail: 'Sets the goals and structure of the engineering organisation in line with company strategy.',
    definingShift: 'From a group of teams to the whole engineering organisation.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.direction,
        text: 'Sets goals for the whole engineering organisation that follow from the company\u2019s business strategy.',
      },
      {
        n: 2,
        competencyId: COMP.people,
        text: 'Develops directors and designs the structure of the engineering organisation.',
      },
      {
        n: 3,
        competencyId: COMP.people,
        text: 'Owns the engineering-wide people processes: performance reviews, levelling and hiring.',
      },
    ],
    notYet: [
      'Does not yet own the company\u2019s technology direction as its top technology executive (the CTO).',
    ],
    examples: [
      'Reorganises engineering around product lines and appoints directors for each.',
      'Introduces one levelling guide and review process for all of engineering.',
    ],
  },
  {
    id: 'streams-mgmt-cto',
    trackId: TRACK_MGMT,
    code: 'M4',
    title: 'CTO',
    order: 3,
    summary: 'The CTO is the company\u2019s top technology executive, usually hired into the role or there since the company began rather than promoted.',
    scope: 'organisation',
    scopeDetail: 'The company\u2019s technology as a whole.',
    autonomy: 'strategic',
    autonomyDetail: 'Sets the technology direction and answers for it to the other executives.',
    definingShift: 'Not a promotion step in most companies: the role is usually hired directly or held by an early engineer.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.direction,
        text: 'Sets the company\u2019s technology direction and answers for it to the rest of the executive team.',
      },
      {
        n: 2,
        competencyId: COMP.direction,
        text: 'Makes the company\u2019s major technology bets, such as platform choices, with the reasoning recorded.',
      },
      {
        n: 3,
        competencyId: COMP.people,
        text: 'Builds and shapes the engineering leadership team.',
      },
    ],
    notYet: [
      'Does not run teams day to day; that sits with the VP, directors and managers.',
    ],
    examples: [
      'As a founding engineer, grows into setting the technology direction of a company of several hundred people.',
      'Decides to consolidate on one cloud provider and presents the plan to the board.',
    ],
  },
]);

export const streamsEngineeringArchitectureManagement: BuiltInFramework = {
  id: 'builtin-streams-v1',
  lineageId: 'builtin-streams',
  name: 'Engineering, architecture and management streams',
  description:
    'Three parallel streams: engineering (junior to principal, with distinguished at top-tier organisations), architecture ' +
    '(the architect who designs the system as a whole), and management (engineering manager to CTO). Team lead is not a level: ' +
    'it is a responsibility, often temporary, held on top of an engineering level.',
  source: 'Software engineer career path guide and career progression chart notes',
  tracks: [
    {
      id: TRACK_ENG,
      name: 'Engineering',
      kind: 'ic',
      description:
        'Individual contributors with no reports who deliver projects: design, code, tests and sometimes deployment. Moving to management is most common at Senior and Staff.',
    },
    {
      id: TRACK_ARCH,
      name: 'Architecture',
      kind: 'architecture',
      description: 'Architects who design the system as a whole and set technical standards, tools and platforms, with less code.',
    },
    {
      id: TRACK_MGMT,
      name: 'Management',
      kind: 'manager',
      description: 'Managers who answer for the people on their teams (growth, wellbeing, productivity), not for the technical success of projects.',
    },
  ],
  competencies: [
    {
      id: COMP.delivery,
      name: 'Delivery',
      description: 'Getting working software out: designing the solution, writing and testing the code, deploying it.',
    },
    {
      id: COMP.design,
      name: 'Design and standards',
      description: 'Project and system architecture, and the technical standards others build to.',
    },
    {
      id: COMP.direction,
      name: 'Direction',
      description: 'Technical vision and its link to business decisions and strategy.',
    },
    {
      id: COMP.mentoring,
      name: 'Mentoring',
      description: 'Helping other engineers grow: pairing, educational reviews, coaching seniors.',
    },
    {
      id: COMP.communication,
      name: 'Communication and visibility',
      description: 'Making work and decisions easy to follow: launch notes, written trade-offs, proposals, retros, updates.',
    },
    {
      id: COMP.friction,
      name: 'Removing friction',
      description: 'Owning the problems that slow others down: flaky tests, manual steps, regression-prone code, stale docs, team rituals.',
    },
    {
      id: COMP.crossTeam,
      name: 'Cross-team impact',
      description: 'Work that reaches beyond one team: shared libraries, shared patterns, standard tooling, decisions several teams adopt.',
    },
    {
      id: COMP.people,
      name: 'People management',
      description: 'One-on-ones, career growth, performance reviews, hiring and exits, team health.',
    },
  ],
  levels: ladder.levels,
  criteria: ladder.criteria,
  equivalences: [
    {
      id: 'streams-eq-principal-architect',
      levelIds: ['streams-eng-principal', 'streams-arch-architect'],
      note: 'Similar seniority with a different focus: the principal engineer stays closer to application code, the architect to the system as a whole.',
    },
  ],
  roles: [
    {
      id: 'streams-role-team-lead',
      name: 'Team lead',
      description:
        'A responsibility added to an engineering level, not a level of its own, and often temporary (for one project). The team lead ' +
        'coordinates the team\u2019s work, is its point of contact for other teams and departments, and is sometimes accountable for ' +
        'the project\u2019s success. Usually held by a senior engineer, but can go to someone earlier who wants to try leading; it ' +
        'overlaps only a little with management.',
      levelIds: ['streams-eng-mid', 'streams-eng-senior', 'streams-eng-staff'],
    },
  ],
};
