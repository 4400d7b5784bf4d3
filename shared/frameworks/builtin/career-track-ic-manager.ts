/**
 * Built-in framework: six-level IC track beside a people manager track.
 *
 * Written from the Lattice "Software Engineering Career Track Template"
 * (seed 000). Levels are numbered on one scale for both tracks (the manager
 * track starts at level 2), and each level names its key competencies from a
 * shared list of twelve. Every criterion here is linked to one of the
 * level's key competencies, one criterion per key competency.
 */
import type { BuiltInFramework } from '../../domain/framework';
import { flattenLevels } from './define';

const TRACK_IC = 'ctrack-track-ic';
const TRACK_M = 'ctrack-track-m';

const COMP = {
  scope: 'ctrack-comp-scope-complexity',
  reliability: 'ctrack-comp-reliability',
  communication: 'ctrack-comp-communication',
  tools: 'ctrack-comp-tools',
  product: 'ctrack-comp-product-knowledge',
  autonomy: 'ctrack-comp-autonomy-prioritization',
  collaboration: 'ctrack-comp-collaboration-feedback',
  problem: 'ctrack-comp-problem-solving',
  expertise: 'ctrack-comp-expertise',
  responsibility: 'ctrack-comp-responsibility',
  supervision: 'ctrack-comp-supervision',
  development: 'ctrack-comp-development',
} as const;

const ladder = flattenLevels([
  // ── Individual contributor track ──────────────────────────────────────
  {
    id: 'ctrack-ic1',
    trackId: TRACK_IC,
    code: 'IC1',
    title: 'Junior Software Engineer',
    order: 0,
    summary: 'An entry-level engineer who delivers well-defined tasks while learning the tools and systems around them.',
    scope: 'task',
    scopeDetail: 'Clearly scoped tasks inside the team\u2019s codebase.',
    autonomy: 'supervised',
    autonomyDetail: 'Works from defined tasks and asks for guidance when needed.',
    definingShift: 'From programming knowledge to finishing defined tasks inside a professional team.',
    // Key competencies: Scope & Complexity, Reliability, Communication, Tools, Product Knowledge.
    criteria: [
      {
        n: 1,
        competencyId: COMP.scope,
        text: 'Completes clearly defined tasks to their acceptance criteria, and asks for guidance when a task turns out bigger than described.',
      },
      {
        n: 2,
        competencyId: COMP.reliability,
        text: 'Adds tests and documentation to their own changes and uses version control the team\u2019s way (small commits, reviewed branches).',
      },
      {
        n: 3,
        competencyId: COMP.communication,
        text: 'Reports progress and blockers without being asked, before a task slips.',
      },
      {
        n: 4,
        competencyId: COMP.tools,
        text: 'Learns an unfamiliar tool or system on their own (for example the debugger or a service\u2019s logs) and uses it to finish a task.',
      },
      {
        n: 5,
        competencyId: COMP.product,
        text: 'Can explain what the feature behind their current task does for users.',
      },
    ],
    notYet: [
      'Does not yet plan and deliver a self-contained piece of work with minimal supervision.',
      'Does not yet estimate timelines or flag delivery risks.',
    ],
    examples: [
      'Fixes a reported bug, adds a regression test, and notes the root cause in the pull request.',
      'Posts a blocker in the team channel the morning it appears, listing what was already tried.',
    ],
  },
  {
    id: 'ctrack-ic2',
    trackId: TRACK_IC,
    code: 'IC2',
    title: 'Software Engineer',
    order: 1,
    summary: 'An engineer who delivers well-scoped projects with little supervision and starts helping newer colleagues.',
    scope: 'feature',
    scopeDetail: 'Self-contained units of work and well-scoped projects.',
    autonomy: 'guided',
    autonomyDetail: 'Plans and delivers with minimal supervision; scope and priorities still come from the team.',
    definingShift: 'From finishing assigned tasks to planning and delivering a self-contained piece of work alone.',
    // Key competencies: Autonomy & Prioritization, Communication, Reliability, Collaboration & Feedback, Tools, Problem Solving.
    criteria: [
      {
        n: 1,
        competencyId: COMP.autonomy,
        text: 'Breaks a self-contained piece of work into steps and delivers it with minimal supervision.',
      },
      {
        n: 2,
        competencyId: COMP.communication,
        text: 'Estimates the timeline of their work and flags risks early enough for the plan to change.',
      },
      {
        n: 3,
        competencyId: COMP.reliability,
        text: 'Delivers work that needs little rework after review or after release.',
      },
      {
        n: 4,
        competencyId: COMP.collaboration,
        text: 'Mentors an intern or new hire on the team\u2019s basic tools and workflows, for example pairing through their first deploy.',
      },
      {
        n: 5,
        competencyId: COMP.tools,
        text: 'Improves a tool or script the team uses daily, for example automating a manual step.',
      },
      {
        n: 6,
        competencyId: COMP.problem,
        text: 'Spots small improvements to code or process without being asked and follows through on the ones the team accepts.',
      },
    ],
    notYet: [
      'Does not yet lead technical scoping or solution design for a non-trivial feature.',
      'Does not yet improve practices for the whole team or contribute to engineering-wide initiatives.',
    ],
    examples: [
      'Estimates a two-sprint feature, flags a dependency risk in the first week, and lands it on the revised date.',
      'Pairs with a new hire through their first production deploy.',
      'Replaces a manual release step with a script after noticing it caused mistakes.',
    ],
  },
  {
    id: 'ctrack-ic3',
    trackId: TRACK_IC,
    code: 'IC3',
    title: 'Senior Software Engineer',
    order: 2,
    summary: 'An engineer who leads delivery of moderately complex projects and improves how the wider engineering group works.',
    scope: 'component',
    scopeDetail: 'Non-trivial features or systems, plus improvements that reach beyond their own team.',
    autonomy: 'self-directed',
    autonomyDetail: 'Scopes and designs solutions without being told how, and drives execution.',
    definingShift: 'From delivering scoped work to leading the scoping, design and execution of complex work.',
    // Key competencies: Scope & Complexity, Problem Solving, Communication, Expertise, Collaboration & Feedback, Product Knowledge.
    criteria: [
      {
        n: 1,
        competencyId: COMP.scope,
        text: 'Drives a non-trivial feature or system from scoping to release, coordinating the engineers working on it.',
      },
      {
        n: 2,
        competencyId: COMP.problem,
        text: 'Leads technical scoping and solution design, with a written design that compares options and justifies the chosen one.',
      },
      {
        n: 3,
        competencyId: COMP.communication,
        text: 'Explains design choices and trade-offs in writing so reviewers and stakeholders can follow and challenge them.',
      },
      {
        n: 4,
        competencyId: COMP.expertise,
        text: 'Improves a team practice through tooling or process that the team keeps using, such as a faster test setup.',
      },
      {
        n: 5,
        competencyId: COMP.collaboration,
        text: 'Mentors peers and contributes to an engineering-wide initiative such as onboarding or a guild.',
      },
      {
        n: 6,
        competencyId: COMP.product,
        text: 'Uses knowledge of users and the product to shape a feature\u2019s scope, for example proposing a cheaper design that meets the same need.',
      },
    ],
    notYet: [
      'Does not yet own complex systems or lead high-ambiguity projects across teams.',
      'Does not yet set engineering quality or documentation standards for others.',
      'Does not yet represent engineering in cross-functional planning.',
    ],
    examples: [
      'Leads design and delivery of a notification service that two product features now use.',
      'Introduces shared test fixtures that cut the team\u2019s test setup time.',
      'Runs the engineering onboarding sessions for a quarter.',
    ],
  },
  {
    id: 'ctrack-ic4',
    trackId: TRACK_IC,
    code: 'IC4',
    title: 'Staff Software Engineer',
    order: 3,
    summary: 'An engineer who owns complex systems, influences architecture and steers technical decisions across teams.',
    scope: 'system',
    scopeDetail: 'Complex systems and high-ambiguity projects that cross team boundaries.',
    autonomy: 'trusted',
    autonomyDetail: 'Takes on ambiguous problems and decides how to approach them; trusted with technical decisions that affect other teams.',
    definingShift: 'From leading a project inside the team to owning complex systems and leading work across teams.',
    // Key competencies: Scope & Complexity, Communication, Expertise, Collaboration & Feedback, Autonomy & Prioritization, Product Knowledge.
    criteria: [
      {
        n: 1,
        competencyId: COMP.scope,
        text: 'Leads a high-ambiguity project spanning several teams, from defining the problem to delivery.',
      },
      {
        n: 2,
        competencyId: COMP.communication,
        text: 'Represents engineering in cross-functional planning and explains technical constraints clearly enough that the plan changes.',
      },
      {
        n: 3,
        competencyId: COMP.expertise,
        text: 'Sets a standard for engineering quality or documentation, such as a design document template or review checklist, that other teams adopt.',
      },
      {
        n: 4,
        competencyId: COMP.collaboration,
        text: 'Mentors engineers on other teams as well as their own.',
      },
      {
        n: 5,
        competencyId: COMP.autonomy,
        text: 'Decides which technical problems in their area come first and defends that order to stakeholders.',
      },
      {
        n: 6,
        competencyId: COMP.product,
        text: 'Shapes a roadmap with product, design and QA, offering technical options that change what gets built.',
      },
    ],
    notYet: [
      'Does not yet set technical direction for a department or major area.',
      'Does not yet influence hiring and levelling decisions.',
      'Does not yet own the end-to-end architecture of a complex domain.',
    ],
    examples: [
      'Leads a three-team migration to a new data store, writing the plan and the rollback strategy.',
      'Writes the design review checklist that all of engineering now uses.',
      'Reshapes a risky roadmap item into two smaller releases during planning with product and QA.',
    ],
  },
  {
    id: 'ctrack-ic5',
    trackId: TRACK_IC,
    code: 'IC5',
    title: 'Senior Staff Software Engineer',
    order: 4,
    summary: 'A technical leader for a department or major area who aligns several teams\u2019 engineering with business goals.',
    scope: 'domain',
    scopeDetail: 'A department or major technical area, including its platform direction and long-term system design.',
    autonomy: 'strategic',
    autonomyDetail: 'Sets technical direction for the area, working from business goals rather than assigned projects.',
    definingShift: 'From owning a system to setting direction and architecture for a whole area of the organisation.',
    // Key competencies: Scope & Complexity, Communication, Expertise, Responsibility, Problem Solving, Product Knowledge.
    criteria: [
      {
        n: 1,
        competencyId: COMP.scope,
        text: 'Owns the end-to-end architecture of a complex domain and keeps the teams working in it on one design.',
      },
      {
        n: 2,
        competencyId: COMP.communication,
        text: 'Aligns several teams\u2019 engineering work with a business goal through a written technical plan those teams and their leaders agree to.',
      },
      {
        n: 3,
        competencyId: COMP.expertise,
        text: 'Decides the platform direction for their area (which platforms and shared components it builds on) and records the reasoning.',
      },
      {
        n: 4,
        competencyId: COMP.responsibility,
        text: 'Mentors senior engineers and takes part in hiring and levelling decisions, for example as interviewer or levelling reviewer.',
      },
      {
        n: 5,
        competencyId: COMP.problem,
        text: 'Finds a system limit before it is reached and leads the long-term redesign that removes it.',
      },
      {
        n: 6,
        competencyId: COMP.product,
        text: 'Ties the area\u2019s technical roadmap to product and business goals agreed with cross-functional leaders.',
      },
    ],
    notYet: [
      'Does not yet shape the company-wide platform vision or place long-term bets for the whole company.',
      'Does not yet coach Staff and Senior Staff engineers.',
      'Does not yet represent engineering in executive discussions.',
    ],
    examples: [
      'Defines the target architecture for the payments area and sequences four teams\u2019 work towards it.',
      'Sits on the levelling panel for senior engineer promotions.',
      'Leads the redesign of an event pipeline well before traffic growth would have overwhelmed it.',
    ],
  },
  {
    id: 'ctrack-ic6',
    trackId: TRACK_IC,
    code: 'IC6',
    title: 'Principal Software Engineer',
    order: 5,
    summary: 'A company-wide technical leader who sets the platform vision and shapes the engineering culture.',
    scope: 'organisation',
    scopeDetail: 'The whole company\u2019s platform and product technology.',
    autonomy: 'strategic',
    autonomyDetail: 'Chooses the company\u2019s long-term technical bets and answers for them.',
    definingShift: 'From leading an area to setting technical vision and culture for the whole company.',
    // Key competencies: Scope & Complexity, Communication, Expertise, Responsibility, Product Knowledge, Autonomy & Prioritization.
    criteria: [
      {
        n: 1,
        competencyId: COMP.scope,
        text: 'Delivers a long-term bet for the platform or product that changes how several areas build, such as a shared platform adopted company-wide.',
      },
      {
        n: 2,
        competencyId: COMP.communication,
        text: 'Represents engineering in executive discussions, turning technical risks and options into decisions executives can take.',
      },
      {
        n: 3,
        competencyId: COMP.expertise,
        text: 'Starts a practice of technical excellence that outlives their involvement, such as a company-wide architecture review or internal tech talks.',
      },
      {
        n: 4,
        competencyId: COMP.responsibility,
        text: 'Coaches Staff and Senior Staff engineers on their technical leadership.',
      },
      {
        n: 5,
        competencyId: COMP.product,
        text: 'Writes the platform vision that links product direction to the technology the company will need.',
      },
      {
        n: 6,
        competencyId: COMP.autonomy,
        text: 'Decides which long-term technical bets the company pursues and which it drops, with the reasoning written down.',
      },
    ],
    notYet: [
      'Does not manage people or own the engineering organisation; that is the manager track, up to CTO.',
    ],
    examples: [
      'Proposes and delivers a move to a shared internal platform that five product areas adopt.',
      'Presents a build-versus-buy analysis for the data platform to the executive team, who decide on it.',
      'Runs a monthly cross-team architecture forum that continues when they step back from it.',
    ],
  },

  // ── People manager track (numbered from level 2, as in the template) ──
  {
    id: 'ctrack-m2',
    trackId: TRACK_M,
    code: 'M2',
    title: 'Engineering Manager',
    order: 0,
    summary: 'A first-level leader responsible for a team\u2019s people, delivery and health.',
    scope: 'system',
    scopeDetail: 'One team of 3\u20138 engineers and the projects it delivers.',
    autonomy: 'trusted',
    autonomyDetail: 'Runs the team\u2019s planning and people processes; agrees priorities with product and design leads.',
    definingShift: 'From delivering their own work to answering for a team\u2019s people and delivery.',
    // Key competencies: Supervision, Development, Communication, Responsibility, Tools, Product Knowledge.
    criteria: [
      {
        n: 1,
        competencyId: COMP.supervision,
        text: 'Manages a team of three to eight engineers with regular 1:1s and clear expectations for each of them.',
      },
      {
        n: 2,
        competencyId: COMP.development,
        text: 'Guides each report\u2019s career growth and performance with coaching and written feedback tied to the level criteria.',
      },
      {
        n: 3,
        competencyId: COMP.communication,
        text: 'Agrees the team\u2019s priorities with the product and design leads and keeps the team informed when they change.',
      },
      {
        n: 4,
        competencyId: COMP.responsibility,
        text: 'Owns delivery of the team\u2019s projects, including sprint planning, and answers for slips.',
      },
      {
        n: 5,
        competencyId: COMP.tools,
        text: 'Keeps the team\u2019s delivery tooling and workflows working, such as the board, the CI pipeline and the on-call rota.',
      },
      {
        n: 6,
        competencyId: COMP.product,
        text: 'Connects the team\u2019s work to product goals so each engineer can say why their current project matters.',
      },
    ],
    notYet: [
      'Does not yet oversee team leads or several teams.',
      'Does not yet own headcount and hiring plans for a growing area.',
    ],
    examples: [
      'Runs weekly 1:1s with six engineers and writes their mid-cycle feedback against the framework.',
      'Re-plans a sprint with the product lead when a launch date moves, and explains the change to the team the same day.',
    ],
  },
  {
    id: 'ctrack-m3',
    trackId: TRACK_M,
    code: 'M3',
    title: 'Senior Engineering Manager',
    order: 1,
    summary: 'A manager who leads several teams, or one large team, and the programmes that run across them.',
    scope: 'domain',
    scopeDetail: 'Multiple teams or one large team, team leads, and a growing area of the org.',
    autonomy: 'trusted',
    autonomyDetail: 'Sets performance, headcount and hiring plans for the area and chooses which processes to change.',
    definingShift: 'From running a team to running teams through their leads, with the area\u2019s headcount and hiring.',
    // Key competencies: Scope & Complexity, Supervision, Communication, Responsibility, Development, Autonomy & Prioritization.
    criteria: [
      {
        n: 1,
        competencyId: COMP.scope,
        text: 'Runs a programme that spans several teams and lands it.',
      },
      {
        n: 2,
        competencyId: COMP.supervision,
        text: 'Oversees team leads or managers and sets expectations for how they run their teams.',
      },
      {
        n: 3,
        competencyId: COMP.communication,
        text: 'Works with other departments on shared work, for example agreeing a joint plan with support or sales.',
      },
      {
        n: 4,
        competencyId: COMP.responsibility,
        text: 'Manages performance, headcount and the hiring plan for the area.',
      },
      {
        n: 5,
        competencyId: COMP.development,
        text: 'Develops team leads, for example coaching an engineer into their first lead role.',
      },
      {
        n: 6,
        competencyId: COMP.autonomy,
        text: 'Finds where the teams lose time and changes the process, with a measured improvement in efficiency.',
      },
    ],
    notYet: [
      'Does not yet own the roadmap and engineering delivery of a whole department.',
      'Does not yet plan org structure, levelling or hiring strategy.',
    ],
    examples: [
      'Oversees three teams through their leads and runs a cross-team reliability programme to completion.',
      'Builds the area\u2019s hiring plan for the next half and fills four roles.',
      'Cuts release lead time by merging two overlapping approval steps.',
    ],
  },
  {
    id: 'ctrack-m4',
    trackId: TRACK_M,
    code: 'M4',
    title: 'Director of Engineering',
    order: 2,
    summary: 'A leader responsible for the health and results of an engineering org, aligning its technical work with business goals.',
    scope: 'domain',
    scopeDetail: 'A department: its roadmap, delivery, structure, levelling and hiring.',
    autonomy: 'strategic',
    autonomyDetail: 'Sets the department\u2019s roadmap and structure and partners with product and design at strategy level.',
    definingShift: 'From leading a group of teams to owning a department\u2019s roadmap, structure and results.',
    // Key competencies: Scope & Complexity, Responsibility, Communication, Development, Expertise, Problem Solving.
    criteria: [
      {
        n: 1,
        competencyId: COMP.scope,
        text: 'Owns the roadmap and engineering delivery of a department.',
      },
      {
        n: 2,
        competencyId: COMP.responsibility,
        text: 'Answers for the department\u2019s health and results, and ties its technical work to stated business goals.',
      },
      {
        n: 3,
        competencyId: COMP.communication,
        text: 'Works with product and design leadership on strategy, not only on delivery.',
      },
      {
        n: 4,
        competencyId: COMP.development,
        text: 'Leads org structure planning, levelling and hiring strategy for the department.',
      },
      {
        n: 5,
        competencyId: COMP.expertise,
        text: 'Supports technical direction by reviewing major technical decisions and making sure the department has the architecture expertise it needs.',
      },
      {
        n: 6,
        competencyId: COMP.problem,
        text: 'Resolves an org-level delivery problem, such as overlapping ownership between teams, by changing structure or process.',
      },
    ],
    notYet: [
      'Does not yet own engineering culture, systems and organisational health for all of engineering.',
      'Does not yet set vision and goals for the entire engineering org.',
    ],
    examples: [
      'Redraws team boundaries so each service has one owning team, and publishes the new ownership map.',
      'Sets the department\u2019s hiring strategy and levelling guide for the year ahead.',
      'Co-writes the product area strategy with the head of product.',
    ],
  },
  {
    id: 'ctrack-m5',
    trackId: TRACK_M,
    code: 'M5',
    title: 'VP of Engineering',
    order: 3,
    summary: 'An executive responsible for the people, process and platform of the whole engineering org.',
    scope: 'organisation',
    scopeDetail: 'All of engineering: its culture, systems and organisational health.',
    autonomy: 'strategic',
    autonomyDetail: 'Sets the vision and goals for engineering and works with the other executives on business priorities.',
    definingShift: 'From running a department to answering for the entire engineering organisation.',
    // Key competencies: Responsibility, Scope & Complexity, Communication, Expertise, Development, Product Knowledge.
    criteria: [
      {
        n: 1,
        competencyId: COMP.responsibility,
        text: 'Owns engineering culture, systems and organisational health, with measures reviewed regularly such as retention, delivery and incidents.',
      },
      {
        n: 2,
        competencyId: COMP.scope,
        text: 'Sets the vision and goals for the entire engineering org.',
      },
      {
        n: 3,
        competencyId: COMP.communication,
        text: 'Works with the other executives on business priorities and turns them into engineering goals.',
      },
      {
        n: 4,
        competencyId: COMP.expertise,
        text: 'Drives innovation, efficiency and scalability, for example funding a platform investment that removes a scaling limit.',
      },
      {
        n: 5,
        competencyId: COMP.development,
        text: 'Develops directors and senior managers.',
      },
      {
        n: 6,
        competencyId: COMP.product,
        text: 'Links product strategy to engineering investment decisions.',
      },
    ],
    notYet: [
      'Does not yet define company-wide technical strategy with the CEO and the board.',
      'Does not yet represent engineering to external stakeholders.',
    ],
    examples: [
      'Publishes engineering goals for the year and reviews progress on them with directors each quarter.',
      'Funds a platform team to remove the deployment bottleneck that slows every product team.',
    ],
  },
  {
    id: 'ctrack-m6',
    trackId: TRACK_M,
    code: 'M6',
    title: 'CTO / Head of Engineering',
    order: 4,
    summary: 'The top technical executive, owning the engineering vision, the innovation roadmap and the long-term shape of the organisation.',
    scope: 'organisation',
    scopeDetail: 'The whole company\u2019s technology, and engineering\u2019s place in it.',
    autonomy: 'strategic',
    autonomyDetail: 'Sets company-wide technical strategy with the CEO, the board and the other executives.',
    definingShift: 'From running engineering to setting the company\u2019s technology direction.',
    // Key competencies: Scope & Complexity, Communication, Responsibility, Expertise, Product Knowledge.
    criteria: [
      {
        n: 1,
        competencyId: COMP.scope,
        text: 'Defines the company-wide technical strategy.',
      },
      {
        n: 2,
        competencyId: COMP.communication,
        text: 'Partners with the CEO, the board and executives on technology direction, and represents engineering to external stakeholders.',
      },
      {
        n: 3,
        competencyId: COMP.responsibility,
        text: 'Owns the long-term organisational structure and the leadership culture of engineering.',
      },
      {
        n: 4,
        competencyId: COMP.expertise,
        text: 'Shapes the product architecture at company level.',
      },
      {
        n: 5,
        competencyId: COMP.product,
        text: 'Owns the innovation roadmap that connects new technology to future products.',
      },
    ],
    notYet: [
      'Does not make team-level technical or people decisions; those belong to the engineers and managers who own them.',
    ],
    examples: [
      'Presents the technology strategy to the board and sets the engineering investment it implies.',
      'Speaks for the company\u2019s engineering at a customer architecture review.',
    ],
  },
]);

export const careerTrackIcManager: BuiltInFramework = {
  id: 'builtin-career-track-v1',
  lineageId: 'builtin-career-track',
  name: 'Software engineering career track (IC and manager)',
  description:
    'Six individual contributor levels, Junior Software Engineer to Principal Software Engineer, beside a people manager track from ' +
    'Engineering Manager to CTO. Both tracks share one level scale (the manager track starts at level 2). Each level lists its key ' +
    'competencies from a shared set of twelve; its criteria are written against those competencies.',
  source: 'Lattice Software Engineering Career Track Template',
  tracks: [
    {
      id: TRACK_IC,
      name: 'Individual contributor',
      kind: 'ic',
      description: 'Grows impact through expertise, technical delivery and system design at scale, without managing people.',
    },
    {
      id: TRACK_M,
      name: 'People manager',
      kind: 'manager',
      description: 'Grows impact through people, team alignment, planning and business outcomes. Starts at level 2.',
    },
  ],
  competencies: [
    {
      id: COMP.scope,
      name: 'Scope & Complexity',
      description: 'How big and how ambiguous the work is, from defined tasks to company-wide strategy.',
    },
    {
      id: COMP.reliability,
      name: 'Reliability',
      description: 'Work that can be counted on: tested, documented, delivered as committed, with little rework.',
    },
    {
      id: COMP.communication,
      name: 'Communication',
      description: 'Sharing progress, risks, designs and decisions clearly with the audience at hand, from the team to executives.',
    },
    {
      id: COMP.tools,
      name: 'Tools',
      description: 'Command of the tools, systems and workflows the team relies on, and improving them.',
    },
    {
      id: COMP.product,
      name: 'Product Knowledge',
      description: 'Understanding users, the product and the business well enough to shape what gets built.',
    },
    {
      id: COMP.autonomy,
      name: 'Autonomy & Prioritization',
      description: 'Working without close supervision and choosing what matters most.',
    },
    {
      id: COMP.collaboration,
      name: 'Collaboration & Feedback',
      description: 'Working well with others, mentoring, and giving and taking feedback.',
    },
    {
      id: COMP.problem,
      name: 'Problem Solving',
      description: 'Framing problems, comparing options and designing solutions that hold up.',
    },
    {
      id: COMP.expertise,
      name: 'Expertise',
      description: 'Depth of technical knowledge and the standards and practices it produces for others.',
    },
    {
      id: COMP.responsibility,
      name: 'Responsibility',
      description: 'What the person answers for: delivery, people decisions, organisational health.',
    },
    {
      id: COMP.supervision,
      name: 'Supervision',
      description: 'Managing people and leads directly: expectations, 1:1s, oversight.',
    },
    {
      id: COMP.development,
      name: 'Development',
      description: 'Growing people and leaders, and the org structure, levelling and hiring that support growth.',
    },
  ],
  levels: ladder.levels,
  criteria: ladder.criteria,
  equivalences: [
    ['2', 'Software Engineer and Engineering Manager'],
    ['3', 'Senior Software Engineer and Senior Engineering Manager'],
    ['4', 'Staff Software Engineer and Director of Engineering'],
    ['5', 'Senior Staff Software Engineer and VP of Engineering'],
    ['6', 'Principal Software Engineer and CTO / Head of Engineering'],
  ].map(([n, pair]) => ({
    id: `ctrack-eq-level-${n}`,
    levelIds: [`ctrack-ic${n}`, `ctrack-m${n}`] as [string, string],
    note: `Both are level ${n} on the template\u2019s shared scale (${pair}).`,
  })),
  roles: [],
};
