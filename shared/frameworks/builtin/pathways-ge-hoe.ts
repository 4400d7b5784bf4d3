/**
 * Built-in framework: GE → LSE individual contributor pathway beside the
 * TTL → EM → HoE leadership pathway, with optional Staff, Principal and
 * Distinguished levels above LSE.
 *
 * Written from the essay on engineering career pathways (seed 003). Levels
 * there are defined by scope of impact, autonomy and a defining shift; the
 * leadership levels also by span of control. The Staff+ levels only make
 * sense in large organisations, so they are marked optional.
 */
import type { BuiltInFramework } from '../../domain/framework';
import { flattenLevels } from './define';

const TRACK_IC = 'pathways-track-ic';
const TRACK_LEAD = 'pathways-track-leadership';

const COMP = {
  delivery: 'pathways-comp-delivery',
  decisions: 'pathways-comp-technical-decisions',
  ownership: 'pathways-comp-ownership',
  influence: 'pathways-comp-influence',
  people: 'pathways-comp-people',
  organisation: 'pathways-comp-organisation',
} as const;

const ladder = flattenLevels([
  // ── Individual contributor track ──────────────────────────────────────
  {
    id: 'pathways-ge',
    trackId: TRACK_IC,
    code: 'GE',
    title: 'Graduate Engineer',
    order: 0,
    summary: 'A graduate engineer is in their first professional role and learns the craft one clearly defined task at a time.',
    scope: 'task',
    scopeDetail: 'A single ticket or small piece of work whose inputs and expected output are spelled out.',
    autonomy: 'supervised',
    autonomyDetail: 'Needs regular mentoring and feedback, with steadily growing independence.',
    definingShift: 'Learning to deliver.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.delivery,
        text: 'Completes defined tasks with clear inputs and outputs to the team\u2019s quality standard, tests included.',
      },
      {
        n: 2,
        competencyId: COMP.ownership,
        text: 'When blocked, brings the mentor a specific question and what has already been tried, before the task runs late.',
      },
      {
        n: 3,
        competencyId: COMP.delivery,
        text: 'Acts on review feedback so the same comment does not come back on later pull requests.',
      },
      {
        n: 4,
        competencyId: COMP.decisions,
        text: 'Explains in the pull request how the change works and why it is safe to merge.',
      },
    ],
    notYet: [
      'Does not yet break ambiguous problems down into tasks.',
      'Does not yet make significant technical decisions.',
      'Still needs daily check-ins and step-by-step guidance.',
    ],
    examples: [
      'Adds a field to an API response with tests, and resolves the review comments the same day.',
      'After pairing with a mentor on the deploy pipeline, writes a one-page note on how it works.',
    ],
  },
  {
    id: 'pathways-jse',
    trackId: TRACK_IC,
    code: 'JSE',
    title: 'Junior Software Engineer',
    order: 1,
    summary: 'A junior software engineer delivers defined features without constant supervision, within a known technical context.',
    scope: 'feature',
    scopeDetail: 'Features that need judgement about implementation inside a familiar codebase, once someone has set the direction.',
    autonomy: 'guided',
    autonomyDetail: 'Works without daily check-ins or being walked through each step; others still decide what gets built.',
    definingShift: 'Delivering independently: handles their own blockers instead of needing guidance at each step.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.delivery,
        text: 'Delivers a feature once direction is set, choosing the implementation within the existing design, and it needs minimal rework.',
      },
      {
        n: 2,
        competencyId: COMP.ownership,
        text: 'Works through their own blockers and tells the team early when stuck, without daily check-ins.',
      },
      {
        n: 3,
        competencyId: COMP.decisions,
        text: 'Compares implementation options within a known context and explains the chosen one in review.',
      },
    ],
    notYet: [
      'Does not yet identify what needs building; builds it well once direction is set.',
      'Does not yet make significant architectural decisions or influence technical direction.',
      'Does not yet operate well when a problem is genuinely ambiguous.',
    ],
    examples: [
      'Implements filtering on a list page end to end after the team agreed the design, with no rework asked for in review.',
      'Finds that a needed endpoint is missing and tells the tech lead the same day, with two proposed options.',
    ],
  },
  {
    id: 'pathways-ise',
    trackId: TRACK_IC,
    code: 'ISE',
    title: 'Intermediate Software Engineer',
    order: 2,
    summary: 'An intermediate software engineer owns the health, design and evolution of a component and the outcomes it produces.',
    scope: 'component',
    scopeDetail: 'A meaningful piece of a system, not only features inside it. The largest band in most organisations.',
    autonomy: 'self-directed',
    autonomyDetail: 'Given a problem, breaks it down, finds options, recommends one and delivers it.',
    definingShift: 'Owning technical decisions: from delivering work to owning outcomes.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.decisions,
        text: 'Breaks a problem in their component into options, recommends one in writing and defends it when challenged.',
      },
      {
        n: 2,
        competencyId: COMP.ownership,
        text: 'Notices a problem in their component before anyone raises it (a slow query, a flaky test, a rising error rate) and fixes it.',
      },
      {
        n: 3,
        competencyId: COMP.ownership,
        text: 'Proposes improvements to the component\u2019s design before being asked, and answers for the quality of what ships.',
      },
      {
        n: 4,
        competencyId: COMP.influence,
        text: 'Influences beyond their own code: code review that changes designs, mentoring JSEs, and input to team technical discussions.',
      },
    ],
    notYet: [
      'Does not yet drive technical decisions for a whole system; mostly reacts to direction set by others.',
      'Developing others is not yet a responsibility they carry, only something they do informally.',
    ],
    examples: [
      'Owns the search indexing component: proposes incremental indexing, writes the comparison with a full rebuild, and ships it.',
      'Mentors a JSE through their first week on call.',
      'Raises a flaky integration test in the team channel, finds the race condition and fixes it without being asked.',
    ],
  },
  {
    id: 'pathways-sse',
    trackId: TRACK_IC,
    code: 'SSE',
    title: 'Senior Software Engineer',
    order: 3,
    summary: 'A senior software engineer drives technical decisions for a whole system instead of reacting to them.',
    scope: 'system',
    scopeDetail: 'A whole system: holds the design in their head and knows where it is fragile.',
    autonomy: 'trusted',
    autonomyDetail: 'Sets technical direction without being assigned to; trusted to weigh competing concerns.',
    definingShift: 'Setting technical direction: from responding to other people\u2019s technical decisions to making them.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.decisions,
        text: 'Writes an architecture decision record that sets how the team handles a cross-cutting concern, such as event sourcing, and the team adopts it.',
      },
      {
        n: 2,
        competencyId: COMP.ownership,
        text: 'Finds a performance bottleneck or fragile point in the system that nobody else had noticed and leads the fix.',
      },
      {
        n: 3,
        competencyId: COMP.decisions,
        text: 'Raises a concern about an architectural decision with evidence, months before it would have become a problem.',
      },
      {
        n: 4,
        competencyId: COMP.decisions,
        text: 'Makes the trade-offs between performance, maintainability, testability and operability explicit in designs and reviews.',
      },
      {
        n: 5,
        competencyId: COMP.influence,
        text: 'Develops others as a technical leader: pairs with ISEs, gives substantive review feedback, and runs spikes whose findings the team uses.',
      },
    ],
    notYet: [
      'Does not yet work at domain level across several teams or influence architecture at the organisational level.',
      'Does not yet set their own technical agenda for a domain without a manager framing the work.',
    ],
    examples: [
      'Writes the ADR for event sourcing in the orders service.',
      'Sees that a cache eviction policy will fail under the planned launch load and changes it before the launch.',
      'Runs a two-week spike on a new message broker and presents the results and a recommendation to the team.',
    ],
  },
  {
    id: 'pathways-lse',
    trackId: TRACK_IC,
    code: 'LSE',
    title: 'Lead Software Engineer',
    order: 4,
    summary: 'A lead software engineer is the senior individual contributor for a domain and sets its technical agenda across several teams.',
    scope: 'domain',
    scopeDetail: 'A domain: a group of related systems, a whole technical discipline or one large technical problem, spanning several teams.',
    autonomy: 'strategic',
    autonomyDetail: 'Picks the most important technical problems in the domain without a manager setting the agenda.',
    definingShift: 'Shaping engineering practice: from directing one system to directing a domain.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.decisions,
        text: 'Identifies the most important technical problems in the domain and works on them without a manager setting the agenda.',
      },
      {
        n: 2,
        competencyId: COMP.influence,
        text: 'Influences architecture at the organisational level, for example a reference architecture or standard that several teams adopt.',
      },
      {
        n: 3,
        competencyId: COMP.decisions,
        text: 'Writes technical strategy for the domain as well as code, with a meaningful share of their time (about 30% or more) on shaping direction.',
      },
      {
        n: 4,
        competencyId: COMP.influence,
        text: 'Contributes to the organisation\u2019s technical strategy, for example co-writing the engineering technical plan with other leads.',
      },
    ],
    notYet: [
      'Does not yet shape technical strategy for the whole engineering function (the Principal scope, where that level exists).',
      'Their work is not yet visible outside the company (the Distinguished scope).',
    ],
    examples: [
      'Owns the observability domain: sets the logging and tracing standards every team uses, and still writes the shared client library.',
      'Writes the domain\u2019s technical strategy for the coming half and gets three teams to plan against it.',
    ],
  },
  {
    id: 'pathways-staff',
    trackId: TRACK_IC,
    code: 'STAFF',
    title: 'Staff Engineer',
    order: 5,
    optional: true,
    summary: 'A staff engineer decides where a major technical area of a large organisation is heading, and many teams follow.',
    scope: 'domain',
    scopeDetail:
      'A significant technical area spanning multiple teams. Only worth introducing in large organisations (typically 200 or more engineers).',
    autonomy: 'strategic',
    autonomyDetail: 'Needs no direction from management on which technical problems to focus on.',
    definingShift: 'From senior IC of a domain to a recognised role with distinct responsibilities and leverage in a large organisation.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.decisions,
        text: 'Sets the direction for a major technical area that several teams build on, and those teams follow it.',
      },
      {
        n: 2,
        competencyId: COMP.ownership,
        text: 'Chooses which technical problems in the area to tackle without management direction, and explains the choice to leadership.',
      },
      {
        n: 3,
        competencyId: COMP.delivery,
        text: 'Leads a change that spans several teams\u2019 systems, such as a shared data platform migration, from proposal to completion.',
      },
      {
        n: 4,
        competencyId: COMP.influence,
        text: 'Develops SSEs and LSEs on several teams through design reviews and pairing on hard problems.',
      },
    ],
    notYet: [
      'Does not yet set technical strategy for engineering as a whole.',
    ],
    examples: [
      'Sets the direction for the company\u2019s data platform and leads four teams through the migration to it.',
      'Identifies that service-to-service authentication is the area\u2019s biggest risk and drives a fix without being asked.',
    ],
  },
  {
    id: 'pathways-principal',
    trackId: TRACK_IC,
    code: 'PE',
    title: 'Principal Engineer',
    order: 6,
    optional: true,
    summary: 'A principal engineer shapes technical strategy for the whole engineering function through vision, standards and practice.',
    scope: 'organisation',
    scopeDetail: 'The entire engineering organisation. Very few people hold this level.',
    autonomy: 'strategic',
    autonomyDetail: 'Sets technical vision for the organisation.',
    definingShift: 'From one technical area to the technical strategy of the whole organisation.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.decisions,
        text: 'Writes a technical strategy for the whole engineering function that engineering leadership adopts.',
      },
      {
        n: 2,
        competencyId: COMP.organisation,
        text: 'Sets engineering standards that apply across the organisation and drives their adoption.',
      },
      {
        n: 3,
        competencyId: COMP.influence,
        text: 'Builds engineering practice across the organisation, such as an architecture review forum or guild that runs without them.',
      },
    ],
    notYet: [
      'Their work is not yet visible or influential outside the company.',
    ],
    examples: [
      'Writes the engineering-wide technical vision and the standards for API design that all teams now follow.',
      'Starts the cross-team architecture review and hands it over to a rotating group of Staff engineers.',
    ],
  },
  {
    id: 'pathways-distinguished',
    trackId: TRACK_IC,
    code: 'DE',
    title: 'Distinguished Engineer',
    order: 7,
    optional: true,
    summary: 'A distinguished engineer works at industry level, helping define what modern engineering looks like beyond the company.',
    scope: 'organisation',
    scopeDetail: 'The industry, beyond the company. Rare, and only at very large organisations.',
    autonomy: 'strategic',
    autonomyDetail: 'Fully self-directed at industry level.',
    definingShift: 'From shaping engineering in this organisation to shaping it in the industry.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.influence,
        text: 'Publishes work that engineers outside the company use or cite, such as an open-source project, a standard or papers.',
      },
      {
        n: 2,
        competencyId: COMP.influence,
        text: 'Takes a recognised role in a standards body, major open-source project or industry forum that changes how others build software.',
      },
      {
        n: 3,
        competencyId: COMP.organisation,
        text: 'Brings industry-level practice into the company and changes how its engineering works as a result.',
      },
    ],
    notYet: [
      'Top of the track: does not own day-to-day technical decisions for any single domain; those stay with Staff engineers and LSEs.',
    ],
    examples: [
      'Maintains an open-source database engine used well beyond the company.',
      'Co-authors an industry standard and leads its adoption inside the company.',
    ],
  },

  // ── Leadership track ──────────────────────────────────────────────────
  {
    id: 'pathways-ttl',
    trackId: TRACK_LEAD,
    code: 'TTL',
    title: 'Technical Team Lead',
    order: 0,
    summary: 'A technical team lead still writes code and does design while running one team\u2019s delivery and representing it to the organisation.',
    scope: 'system',
    scopeDetail: 'One team of 4\u20138 engineers, and what it builds.',
    autonomy: 'trusted',
    autonomyDetail: 'Runs the team\u2019s delivery rhythm and technical work, switching between deep focus and being available to the team.',
    definingShift: 'Doing and enabling: hands-on engineering plus running a team.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.delivery,
        text: 'Keeps writing meaningful code, designs and reviews while running the team\u2019s delivery rhythm (planning, ceremonies).',
      },
      {
        n: 2,
        competencyId: COMP.people,
        text: 'Unblocks engineers on the team, for example by taking a cross-team dependency to the other team and getting it resolved.',
      },
      {
        n: 3,
        competencyId: COMP.organisation,
        text: 'Acts as the team\u2019s interface to the rest of the organisation, presenting its plans, needs and risks.',
      },
      {
        n: 4,
        competencyId: COMP.people,
        text: 'Holds both halves of the role in the same period: merged code or designs and team leadership work both show in the evidence.',
      },
    ],
    notYet: [
      'Does not yet lead full-time; still a hands-on technical contributor.',
      'Does not yet carry performance management, hiring and interpersonal issues as their main job.',
    ],
    examples: [
      'Runs the team\u2019s planning and stand-ups while owning the design of the new billing API.',
      'Represents the team in the quarterly dependency review and negotiates a later date for one commitment.',
    ],
  },
  {
    id: 'pathways-em',
    trackId: TRACK_LEAD,
    code: 'EM',
    title: 'Engineering Manager',
    order: 1,
    summary: 'An engineering manager leads full-time, creating the conditions in which engineers do their best work.',
    scope: 'system',
    scopeDetail: '8\u201320 engineers across one or more teams, typically 6\u201312 of them reporting directly.',
    autonomy: 'trusted',
    autonomyDetail: 'Owns people management and delivery coordination; technical decisions stay with the team\u2019s SSEs and LSEs.',
    definingShift: 'Enabling, not doing: no production code; the job is the conditions for others.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.people,
        text: 'Runs 1:1s, performance management and hiring for six to twelve direct reports.',
      },
      {
        n: 2,
        competencyId: COMP.organisation,
        text: 'Coordinates delivery across teams and manages stakeholder relationships so that engineers are not pulled into that work.',
      },
      {
        n: 3,
        competencyId: COMP.people,
        text: 'Deals with interpersonal problems on the team directly and early.',
      },
      {
        n: 4,
        competencyId: COMP.people,
        text: 'Leaves technical decisions to the senior engineers on the team and backs them, rather than acting as the de facto decision-maker.',
      },
      {
        n: 5,
        competencyId: COMP.people,
        text: 'Makes sure each engineer has the skills and context they need, for example arranging pairing or training for a gap found in a review.',
      },
    ],
    notYet: [
      'Does not yet manage managers or answer for the engineering capability of a department.',
      'Does not yet set engineering culture or team structure beyond their own teams.',
    ],
    examples: [
      'Takes over a team of nine, runs weekly 1:1s and hires two engineers in a quarter.',
      'Handles a tense disagreement between two engineers before it affects delivery.',
      'Moves a cross-team dependency negotiation off the engineers\u2019 plates and lands an agreed date.',
    ],
  },
  {
    id: 'pathways-hoe',
    trackId: TRACK_LEAD,
    code: 'HoE',
    title: 'Head of Engineering',
    order: 2,
    summary: 'A head of engineering answers for the engineering capability of a department and works through the managers beneath them.',
    scope: 'domain',
    scopeDetail: 'A department or domain of multiple teams; manages EMs and a few senior ICs.',
    autonomy: 'strategic',
    autonomyDetail: 'Sets engineering culture and team structure, and works with product, design and organisational leadership.',
    definingShift: 'Setting conditions: their leverage is only as good as the managers beneath them.',
    criteria: [
      {
        n: 1,
        competencyId: COMP.organisation,
        text: 'Decides the department\u2019s team structure and changes it when needed, with the reasoning written down.',
      },
      {
        n: 2,
        competencyId: COMP.people,
        text: 'Develops the engineering managers beneath them so significant issues are handled at EM level instead of escalating.',
      },
      {
        n: 3,
        competencyId: COMP.organisation,
        text: 'Sets the department\u2019s engineering culture and conditions for excellence, such as review standards, on-call norms and career conversations.',
      },
      {
        n: 4,
        competencyId: COMP.organisation,
        text: 'Represents engineering to product, design and organisational leadership.',
      },
    ],
    notYet: [
      'Does not solve team-level problems directly; if they have to, the management layer needs work.',
    ],
    examples: [
      'Splits a department into platform and product teams and writes up why.',
      'Coaches a new EM through their first performance review cycle instead of running it for them.',
    ],
  },
]);

export const pathwaysGeHoe: BuiltInFramework = {
  id: 'builtin-pathways-v1',
  lineageId: 'builtin-pathways',
  name: 'Engineering career pathways (GE\u2013LSE, TTL\u2013HoE)',
  description:
    'A five-level individual contributor pathway (Graduate to Lead Software Engineer) beside a three-level leadership pathway ' +
    '(Technical Team Lead, Engineering Manager, Head of Engineering). Each level is described by its scope of impact, its autonomy ' +
    'and the shift from the level below. Staff, Principal and Distinguished levels are included as optional, for large organisations ' +
    'that have engineers already doing that work.',
  source: 'Career pathways essay: IC and leadership tracks',
  tracks: [
    {
      id: TRACK_IC,
      name: 'Individual contributor',
      kind: 'ic',
      description: 'For engineers who grow their impact through technical excellence.',
    },
    {
      id: TRACK_LEAD,
      name: 'Leadership',
      kind: 'manager',
      description:
        'For engineers who grow their impact by making other people excellent. TTL is an optional way in, not a required step for senior engineers.',
    },
  ],
  competencies: [
    {
      id: COMP.delivery,
      name: 'Delivery',
      description: 'Finishing work to standard with growing independence and little rework.',
    },
    {
      id: COMP.decisions,
      name: 'Technical decisions',
      description: 'Making, explaining and defending technical choices, from implementation details to system, domain and organisation direction.',
    },
    {
      id: COMP.ownership,
      name: 'Ownership',
      description: 'Answering for outcomes: noticing problems first, proposing fixes unprompted, caring for the quality of what was built.',
    },
    {
      id: COMP.influence,
      name: 'Influence and developing others',
      description: 'Code review, mentoring, pairing, sharing findings, and shaping how others build, inside and outside the company.',
    },
    {
      id: COMP.people,
      name: 'Leading people',
      description: '1:1s, performance, hiring, unblocking, developing engineers and managers.',
    },
    {
      id: COMP.organisation,
      name: 'Organisation and conditions',
      description: 'Team structure, culture, standards and the interface with the rest of the organisation.',
    },
  ],
  levels: ladder.levels,
  criteria: ladder.criteria,
  equivalences: [
    {
      id: 'pathways-eq-sse-ttl',
      levelIds: ['pathways-sse', 'pathways-ttl'],
      note: 'SSE is where the IC or leadership choice is usually made, and TTL is the usual entry point to leadership from there.',
    },
  ],
  roles: [],
};
