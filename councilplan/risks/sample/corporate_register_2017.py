# ruff: noqa: E501 (verbatim text from the seed: one string per item, however long)
"""KCC's Corporate Risk Register as presented to Cabinet on 11 December 2017 (seed 004, lines 1873–2320), with
the risk withdrawn from it (CRR0010, lines 1831–1833 and 1907). What is read from the seed and what is chosen is
in README.md next to this file; in short:

- read: codes, titles (the summary table's wording), causes, risk events, consequences, risk owners, responsible
  Cabinet Members, current and target likelihood and impact (except CRR0001's target, see README), controls and
  their owners, actions with their owners and planned completion dates, the direction printed for each risk;
- chosen: the date of the previous review (31 July 2017: the register's "Direction of Travel since July 2017"),
  the previous review's scores where the seed gives only a direction (the current scores for ↔, 4×5 for
  CRR0001 "reduced from 20"), each action's status, CRR0010's scores and directorate register.

Each risk: code, title, causes, event (one item per paragraph), consequences, owners, cabinet_members,
current and target (likelihood, impact), previous (the July 2017 review's current scores; None: a new risk),
context_changed (the December review says the context changed: `**`), note (printed with the risk, kept
with the December review), controls (title, owner) and actions (title, owner, planned, status).
"""

import datetime as dt

REGISTER = {
    "name": "Corporate Risk Register",
    "level": "corporate",
    "owner": "Corporate Management Team",
    "review_cycle": "quarterly",
    "review_arrangements": (
        "A living document, regularly reviewed and updated, with a more formal review each autumn. Presented to "
        "Cabinet quarterly (through the Quarterly Performance Report) and to the Governance and Audit Committee "
        "twice a year; the corporate risks led by each Corporate Director go to the relevant Cabinet Committee "
        "annually."
    ),
    "last_reviewed_on": dt.date(2017, 12, 11),
}
DIRECTORATE_REGISTER = {
    "name": "Children, Young People and Education Directorate Risk Register",
    "level": "directorate",
    "owner": "Corporate Director Children, Young People and Education",
    "review_cycle": "quarterly",
    "review_arrangements": "",
    "last_reviewed_on": None,
}
PREVIOUS_REVIEW = dt.date(2017, 7, 31)
REVIEW = dt.date(2017, 12, 11)

# Withdrawn from the corporate register on 11 December 2017, to be managed at directorate level.
WITHDRAWN = {
    "code": "CRR0010",
    "title": "Implications of high numbers of Unaccompanied Asylum Seeking Children (UASC)",
    # The quarterly report's words on it (line 1833); the seed has no detail page for it.
    "note": (
        "The number of UASC presenting in Kent has reduced since the 2015 peak and although there are still "
        "concerns over levels of Government funding and accommodation for those over 16, this risk is to be "
        "managed at directorate level and escalated again if required."
    ),
    "current": (3, 3),
    "target": (3, 3),
    "reason": (
        "This risk had previously been reduced to its target level and while there are still some financial "
        "concerns associated with the ‘legacy’ cohort, it is proposed that this is managed at directorate "
        "level and will be escalated back up to corporate level if required."
    ),
}

RISKS = [
    {
        "code": "CRR0001",
        "title": "Safeguarding – protecting vulnerable children",
        "causes": [
            "The Council must fulfil its statutory obligations to effectively safeguard vulnerable children.",
            'In addition, the Government\'s "Prevent Duty" requires the Local Authority to act to prevent people from being drawn into terrorism, with a focus on the need to safeguard children at risk of being drawn into terrorism.',
        ],
        "event": [
            "Its ability to fulfil this obligation could be affected by the adequacy of its controls, management and operational practices or if demand for its services exceeded its capacity and capability.",
            "Failure to recruit and retain suitably experienced and qualified permanent staff.",
            'Failure to meet the requirements of the new "Prevent Duty" placed on Local Authorities.',
        ],
        "consequences": [
            "Serious impact on vulnerable people.",
            "Impact on ability to recruit the quality of staff critical to service delivery.",
            "Serious operational and financial consequences.",
            "Attract possible intervention from a national regulator for failure to discharge corporate and executive responsibilities.",
            "Incident of serious harm or death of a vulnerable child.",
        ],
        "owners": ["Matt Dunkley Corporate Director Children, Young People and Education (CYPE)"],
        "cabinet_members": ["Roger Gough Children, Young People and Education", "Mike Hill (Lead Member for PREVENT)"],
        "current": (3, 5),
        "target": (3, 5),
        "previous": (4, 5),
        "note": "The risk score has reduced from 20 (High) to 15 (Medium) after the independent Ofsted inspection in spring 2017. However, all CMT and Cabinet Members were clear that there can be no room for complacency and there is ongoing commitment to continuous improvement.",
        "controls": [
            (
                "Consistent scrutiny and performance monitoring through Divisional Management Team, District 'Deep Dives' and audit activity",
                "Sarah Hammond, Interim Director Specialist Children's Services",
            ),
            (
                "Independent scrutiny by Kent Safeguarding Children Board",
                "Independent Chair Kent Safeguarding Children Board",
            ),
            (
                "Manageable caseloads per social worker and robust caseload monitoring. Social work vacancies monitored with action taken to address as required.",
                "Sarah Hammond, Interim Director Specialist Children's Services",
            ),
            (
                "Active strategy in place to attract, recruit and retain social workers through a variety of routes with particular emphasis on experienced social workers.",
                "Sarah Hammond, Interim Director Specialist Children's Services / Amanda Beer, Corporate Director Engagement, Organisational Design & Development (EODD)",
            ),
            (
                "Multi-agency public protection arrangements in place",
                "Patricia Denney, Assistant Director Safeguarding and Quality Assurance",
            ),
            (
                "Extensive staff training – Specialist Children's Services and Early Help and Preventative services are adopting the 'Signs of Safety' model of intervention, a standardised child-focused model of risk analysis, risk management and safety planning.",
                "Sarah Hammond, Interim Director of Specialist Children's Services / Stuart Collins, Interim Director of Early Help Services",
            ),
            (
                "Regular reporting on safeguarding takes place quarterly for Directors and Cabinet Members, with an annual report for elected Members, to allow for scrutiny of progress.",
                "Matt Dunkley, Corporate Director, CYPE",
            ),
            (
                "Prevent Duty Delivery Board (chaired by KCC) oversees the activity of the Kent Channel Panel, co-ordinating Prevent activity across the County and reporting to other relevant strategic bodies in the county (including reporting route to the Kent Safeguarding Children Board)",
                "Anu Singh, Corporate Director, Adult Social Care and Health (ASCH)",
            ),
            (
                "Kent Channel Panel (early intervention mechanism providing tailored support to people who have been identified as at risk of being drawn into terrorism) in place.",
                "Nick Wilkinson, Prevent and Channel Strategic Manager",
            ),
            (
                "Multi-agency risks, threats and vulnerabilities group focuses on PREVENT, gangs, Modern slavery, human trafficking and online safeguarding matters",
                "Nick Wilkinson, Prevent and Channel Strategic Manager",
            ),
            (
                "Safeguarding and Quality Assurance Unit conducts audits, reviews of practice and provides challenge.",
                "Sarah Hammond, Interim Director of Specialist Children's Services",
            ),
            ("Education Safeguarding Team in place", "Graham Willett, Interim Director Education Quality & Standards"),
            (
                "A revised Elective Home Education policy approved that includes interaction with children where there are welfare concerns and where other agencies have been involved with the family. Awareness raising taking place with other practitioners",
                "Keith Abbott, Director Education Planning & Access/ Scott Bagshaw, Head of Admissions & Transport",
            ),
            (
                "Children's Development Plan, jointly owned by Specialist Children's Services, Early Help and Preventative Services and Children's Commissioning team, in place and updated to address recommendations arising from Child Sexual Exploitation (CSE) themed inspection and actions identified during a recent external review.",
                "Sarah Hammond, Interim Director Specialist Children's Services",
            ),
            (
                "Multi-function officer group helping to define key steps and approach to aid any future inquiries or investigations that may arise relating to alleged historical abuse",
                "Matt Dunkley, Corporate Director, CYPE",
            ),
            (
                "Multi-agency Crime and Sexual Exploitation Panel (MACSE) established to provide a strategic, county-wide, cross-agency response to CSE.",
                "Matt Dunkley Corporate Director, CYPE (KCC lead)",
            ),
            (
                "Three year PREVENT training strategy approved by the Corporate Management Team",
                "Nick Wilkinson, Prevent and Channel Strategic Manager",
            ),
        ],
        "actions": [
            (
                "Implementation of actions set out in the Ofsted Practice Development Plan.",
                "Sarah Hammond, Interim Director Specialist Children's Services",
                "January 2018 (review)",
                "regular_review",
            ),
            (
                "Preparation for new multi-agency safeguarding arrangements in response to Children & Social Work Act requirements",
                "Sarah Hammond, Interim Director Specialist Children's Services",
                "March 2018",
                "outstanding",
            ),
            (
                "Preparatory work to ensure detailed understanding of requirements for Joint Targeted Area Inspections",
                "Sarah Hammond, Interim Director Specialist Children's Services",
                "January 2018",
                "outstanding",
            ),
        ],
    },
    {
        "code": "CRR0002",
        "title": "Safeguarding – protecting vulnerable adults",
        "causes": [
            "The Council must fulfil its statutory obligations to effectively safeguard vulnerable adults.",
            "The change from 'safeguarding alerts' to 'safeguarding enquiries' has led to a significant increase in the number of safeguarding concerns received.",
            'In addition, the Government\'s "Prevent Duty" requires the Local Authority to act to prevent people from being drawn into terrorism.',
        ],
        "event": [
            "Its ability to fulfil this obligation could be affected by the adequacy of its controls, management and operational practices or if demand for its services exceeded its capacity and capability.",
            'Failure to meet the requirements of the new "Prevent Duty" placed on Local Authorities.',
        ],
        "consequences": [
            "Serious impact on vulnerable people.",
            "Serious impact on ability to recruit the quality of staff critical to service delivery.",
            "Serious operational and financial consequences.",
            "Attract possible intervention from a national regulator for failure to discharge corporate and executive responsibilities.",
            "Incident of serious harm or death of a vulnerable adult.",
        ],
        "owners": ["Anu Singh Corporate Director Adult Social Care and Health (ASCH)"],
        "cabinet_members": ["Graham Gibbens, Adult Social Care", "Mike Hill (Lead Member for PREVENT)"],
        "current": (4, 5),
        "target": (3, 5),
        "previous": (4, 5),
        "controls": [
            ("Multi agency public protection arrangements in place", "Annie Ho, Acting Head of Adult Safeguarding"),
            (
                "Kent & Medway Safeguarding Adults Board in place with key agencies. The Board is now on a statutory footing following implementation of the Care Act.",
                "Anu Singh, Corporate Director ASCH",
            ),
            (
                "Consistent scrutiny and performance monitoring through divisional management teams, 'deep dives' and audit activity.",
                "Divisional Directors / Annie Ho, Acting Head of Adult Safeguarding",
            ),
            (
                "Regular reporting on safeguarding takes place for Directors and elected Members to allow for scrutiny of progress.",
                "Anu Singh Corporate Director ASCH",
            ),
            (
                "Safeguarding improvement plans in place for Older People and Physical Disability and Disabled Children, Learning Disability and Mental Health services",
                "Anne Tidmarsh, Director OPPD / Penny Southern, Director DCLDMH",
            ),
            (
                "Prevent Duty Delivery Board (chaired by KCC) oversees the activity of the Kent Channel Panel, co-ordinating Prevent activity across the County and reporting to other relevant strategic bodies in the county",
                "Anu Singh, Corporate Director ASCH",
            ),
            (
                "Multi agency risks, threats and vulnerabilities group focuses on PREVENT, gangs, modern slavery, human trafficking and online safeguarding matters.",
                "Nick Wilkinson, Prevent and Channel Strategic Manager",
            ),
            (
                "Kent Channel Panel (early intervention mechanism providing tailored support to people who have been identified as at risk of being drawn into terrorism) in place.",
                "Nick Wilkinson, Prevent and Channel Strategic Manager",
            ),
            (
                "Three year PREVENT training strategy approved by the Corporate Management Team",
                "Nick Wilkinson, Prevent and Channel Strategic Manager",
            ),
            (
                "Management Action Plan arising from recent internal audit – progress monitored regularly and reported to County Safeguarding Adults Group",
                "Annie Ho, Acting Head of Adult Safeguarding",
            ),
            (
                "Capability framework for safeguarding and the mental capacity act introduced",
                "Annie Ho, Acting Head of Adult Safeguarding",
            ),
            (
                "Kent and Medway Safeguarding Adults Board Learning and Development Competence Framework is reviewed annually",
                "Annie Ho, Acting Head of Adult Safeguarding",
            ),
        ],
        "actions": [
            (
                "Plan to commission further independent audits of case files across all client categories to complement internal reviews and audits.",
                "Annie Ho, Interim Head of Adult Safeguarding",
                "June 2018",
                "outstanding",
            ),
            (
                "New framework for safeguarding practice being developed as part of the Your Life, Your Wellbeing transformation programme",
                "Divisional Directors / Annie Ho, Acting Head of Adult Safeguarding",
                "April 2018 (review)",
                "regular_review",
            ),
        ],
    },
    {
        "code": "CRR0003",
        "title": "Access to resources to aid economic growth and enabling infrastructure",
        "causes": [
            "The Council seeks access to resources to develop the enabling infrastructure for economic growth, regeneration and health.",
            "However, in parts of Kent, there is a significant gap between the costs of the infrastructure required to support growth and the Council's ability to secure sufficient funds through s106 contributions, Community Infrastructure Levy and other growth levers to pay for it. At the same time, Government funding for infrastructure is limited and competitive and increasingly linked with the delivery of housing and employment outputs.",
            "It is currently unknown what, if any, sources of funding there may be to replace EU funding streams in the longer term.",
        ],
        "event": [
            "Inability to secure sufficient contributions from development to support growth.",
            "Funders do not recognise Kent priorities for investment.",
            "Lack of resources to continuously shape and determine bids.",
        ],
        "consequences": [
            "Key opportunities for growth missed.",
            "The Council finds it increasingly difficult to fund KCC services across Kent (e.g. schools, waste services) and deal with the impact of growth on communities.",
            "Kent becomes a less attractive location for inward investment and business.",
        ],
        "owners": ["Barbara Cooper, Corporate Director Growth, Environment and Transport (GET)"],
        "cabinet_members": [
            "Mark Dance, Economic Development",
            "Matthew Balfour, Planning, Highways, Transport & Waste",
        ],
        "current": (4, 4),
        "target": (3, 4),
        "previous": (4, 4),
        "controls": [
            (
                "Growth and Infrastructure Framework for Kent and Medway published, setting out the infrastructure needed to deliver planned growth",
                "Katie Stewart, Director Environment Planning & Enforcement (EPE)",
            ),
            (
                "Environment Planning & Enforcement and Economic Development teams working with each individual District on composition of infrastructure plans including priorities for the CIL and Section 106 contributions, from which gaps can be identified",
                "David Smith, Director Economic Development / Katie Stewart, Director EPE",
            ),
            (
                "Coordinated approach in place between Development Investment Team and service directorates",
                "David Smith, Director Economic Development",
            ),
            (
                "Dedicated team in Economic Development in place, working with other KCC directorates, to lead on major sites across Kent.",
                "David Smith, Director Economic Development",
            ),
            (
                "Infrastructure Funding Group established and receives regular performance reports, potential issues for resolution and highlights funding gaps etc.",
                "Barbara Cooper, Corporate Director, Growth, Environment and Transport",
            ),
            (
                "Strong engagement of private sector through Kent and Medway Economic Partnership (KMEP), Business Advisory Board and Kent Developer Group",
                "David Smith, Director Economic Development",
            ),
            (
                "Strong engagement with South East LEP and with central Government to ensure that KCC is in a strong position to secure resources from future funding rounds",
                "Dave Hughes, Head of Business and Enterprise",
            ),
            (
                "Continued coordinated dialogue with developers, Districts and KCC service directorates",
                "Nigel Smith, Head of Development",
            ),
            (
                "KCC is actively engaged in preparation of local plans across Kent and Medway, responding to all consultations.",
                "Tom Marchant, Head of Strategic Planning & Policy",
            ),
            (
                "Local Transport Plan 4 produced and approved by County Council",
                "Tom Marchant, Head of Strategic Planning & Policy",
            ),
            (
                "Organisation Development plan is targeting gaps in resources to support bids.",
                "GET Directorate Management Team",
            ),
        ],
        "actions": [
            (
                "Growth & Infrastructure Framework – interim refresh being conducted including reviewing key actions arising from the framework",
                "Tom Marchant, Head of Strategic Planning & Policy",
                "December 2017 (review)",
                "regular_review",
            ),
            (
                "Contribute to refresh of Strategic Economic Plan",
                "Barbara Cooper, Corporate Director Growth, Environment and Transport",
                "February 2018",
                "outstanding",
            ),
            (
                "Engage with stakeholders to draw up an agreed Enterprise & Productivity Strategy 2018-2050",
                "David Smith, Director Economic Development",
                "April 2018",
                "outstanding",
            ),
        ],
    },
    {
        "code": "CRR0004",
        "title": "Civil Contingencies and Resilience",
        "causes": [
            "The Council, along with other Category 1 Responders in the County, has a legal duty to establish and deliver containment actions and contingency plans to reduce the likelihood, and impact, of high impact incidents and emergencies.",
            "This includes responses associated with the Counter-terrorism and Security Act 2015 (CONTEST).",
            "The Director of Public Health has a legal duty to gain assurance from the National Health Service and Public Health England that plans are in place to mitigate risks to the health of the public including outbreaks of communicable diseases e.g. Pandemic Influenza.",
            "Ensuring that the Council works effectively with partners to respond to, and recover from, emergencies and service interruption is becoming increasingly important in light of recent national and international security threats, severe weather incidents and the increasing threat of 'cyber attacks' (see risk CRR 0014).",
        ],
        "event": [
            "Failure to deliver suitable planning measures, respond to and manage these events when they occur.",
            "Critical services are unprepared or have ineffective emergency and business continuity plans and associated activities.",
            "Lack of resilience in the supply chain hampers effective response to incidents.",
        ],
        "consequences": [
            "Potential increased harm or loss of life if response is not effective.",
            "Serious threat to delivery of critical services.",
            "Increased financial cost in terms of damage control and insurance costs.",
            "Adverse effect on local businesses and the Kent economy.",
            "Possible public unrest and significant reputational damage.",
            "Legal actions and intervention for failure to fulfill KCC's obligations under the Civil Contingencies Act or other associated legislation.",
        ],
        "owners": ["On behalf of CMT: Barbara Cooper, Corporate Director Growth, Environment & Transport (GET)"],
        "cabinet_members": ["Mike Hill, Community & Regulatory Services"],
        "current": (3, 4),
        "target": (2, 4),
        "previous": (3, 4),
        "controls": [
            (
                "Legally required multi-agency Kent Resilience Forum in place, with work driven by risk and impact based on Kent's Community Risk Register. Includes sub-groups relating to Health and Severe Weather",
                "Mike Overbeke, Head of Public Protection (for Kent Resilience Team Activity)",
            ),
            (
                "The Director of Public Health works through local resilience fora to ensure effective and tested plans are in place for the wider health sector to protect the local population from risks to public health.",
                "Andy Scott-Clark, Director of Public Health",
            ),
            ("Management of financial impact to include Bellwin scheme", "Cath Head, Head of Finance (Operations)"),
            (
                "Implementation of Kent's Climate Adaptation Action Plan",
                "Carolyn McKenzie, Head of Sustainable Business and Communities",
            ),
            (
                "Local multi-agency flood response plans in place for each district / borough in Kent, in addition to overarching flood response plan for Kent",
                "Mike Overbeke, Head of Public Protection",
            ),
            ("Winter Resilience Planning Group & action plan in place.", "Mike Overbeke, Head of Public Protection"),
            (
                "On-going programme of review relating to ICT Disaster Recovery and Business Continuity arrangements.",
                "Michael Lloyd, Head of Technology Commissioning & Strategy",
            ),
            (
                "Kent Resilience Team in place bringing together personnel from KCC, Kent Police and Kent Fire and Rescue Service in an integrated and co-located team to deliver enhanced emergency planning and business continuity in Kent",
                "Mike Overbeke, Head of Public Protection",
            ),
            (
                "Multi-Agency recovery structures are in place at the Strategic and Tactical levels & working effectively.",
                "Katie Stewart, Director Environment Planning & Enforcement (EPE)",
            ),
            (
                "KCC and local Kent Resilience Forum partners have tested preparedness for chemical, biological, radiological, nuclear and explosives (CBRNE) incidents and communicable disease outbreaks in line with national requirements.",
                "Andrew Scott-Clark, Director Public Health",
            ),
            (
                "Emergency planning training rolled out at strategic, tactical and operational levels. KCC Resilience Programme in place to deliver further training opportunities and exercises regularly conducted to test different elements of KCC emergency and business continuity arrangements with partners (e.g. Exercise 'Loki' and exercise 'Surge').",
                "Katie Stewart, Director EPE",
            ),
            ("Senior Management on-call rota devised and agreed", "Katie Stewart, Director EPE"),
            (
                "KCC Business Continuity Management Policy and overarching Business Continuity Plan in place, underpinned by business continuity plans at service level.",
                "Katie Stewart, Director EPE",
            ),
            (
                "Prevent Duty Delivery Board established to oversee the activity of the Kent Channel Panel, co-ordinate Prevent activity across the County and report to other relevant strategic bodies in the county",
                "Anu Singh, Corporate Director ASCH",
            ),
            (
                "Kent Channel panel (early intervention mechanism providing tailored support to people who have been identified as at risk of being drawn into terrorism) established at district and borough level.",
                "Nick Wilkinson, Prevent and Channel Strategic Manager",
            ),
            (
                "New Quality Assurance approach introduced for business continuity plans to emphasise service accountability. This includes the testing of interdependencies between KCC business continuity plans and those of 3rd parties.",
                "Katie Stewart, Director EPE",
            ),
            ("Fire Safety Guidance provided by KCC reviewed and updated", "Flavio Walker, Head of Health & Safety"),
            (
                "Local procedures have been and are being continually reviewed and refined for occasions the national threat level increases to critical. This includes an update of the Corporate Business Continuity Plan.",
                "Katie Stewart, Director EPE",
            ),
            (
                "Corporate Board is prioritising funding of essential works to improve security as part of the modernising of our estate",
                "Rebecca Spore, Director of Infrastructure",
            ),
            (
                "ICT resilience improvements are embedded as part of the ICT Transformation Programme.",
                "Michael Lloyd, Head of ICT Commissioning & Strategy",
            ),
        ],
        "actions": [
            (
                "Exercise the procedures for a move in national threat level",
                "Katie Stewart, Director EPE",
                "April 2018",
                "outstanding",
            ),
            (
                "Implementation of new approach to Business Continuity Governance arrangements to enable increased focus on directorate Issues",
                "Katie Stewart, Director EPE",
                "January 2018",
                "outstanding",
            ),
            (
                "Contribute to the Kent Resilience Forum Local Authorities Emergency Planning group's updating of mutual aid arrangements with District Councils other councils across the region.",
                "Fiona Gaffney, Head of Resilience and Emergency Planning and Kent Resilience Team Manager (KCC)",
                "March 2018",
                "outstanding",
            ),
            (
                "Implementation of a more formalised team structure across the council for emergency planning, ensuring it is embedded as part of the corporate responsibilities of managers.",
                "Barbara Cooper, Corporate Director GET / Amanda Beer, Corporate Director EODD",
                "January 2018",
                "outstanding",
            ),
        ],
    },
    {
        "code": "CRR0005",
        "title": "Kent and Medway Sustainability and Transformation Partnership",
        "causes": [
            "The health & social care 'system' is under extreme pressure to cope with increasing levels of demand and financial constraints.",
            "National government policy for integration of health and social care as part of how to meet these challenges.",
            "NHS national policy is for health commissioners and providers to come together and develop place based plans. KCC is part of the Kent and Medway Sustainability and Transformation Partnership (STP). Sub-STP local planning and delivery arrangements are being developed through Accountable Care Partnerships (ACP).",
            "Development of NHS standard contract for Accountable Care Partnerships that could include public health and social care.",
            "Major NHS policy announcements made every 12-18 months.",
        ],
        "event": [
            "Failure to maximise opportunities for appropriate health & social care integration and ensure changes achieve maximum benefit.",
            "Pressures within the acute health sector result in repercussions for social care and threaten successful implementation of joint working arrangements.",
            "Improved Better Care Fund monies earmarked for social care geared to addressing pre-determined NHS targets and priorities.",
            "Lack of 'system' leadership with unclear governance and decision-making arrangements around STPs ACPs.",
            "Inappropriate level of Local Authority involvement. STPs have no formal role for local authorities, except by local agreement.",
            "No changes to primary legislation. Current statutory responsibilities and duties remain and cannot be delegated, and are inconsistent with LA statutory responsibilities.",
            "Failure to meet statutory duties around the sufficiency of the care market, care quality and safeguarding.",
            "Opportunity cost from spending time and resources on STP and system design which is subject to change from NHS England.",
            "Comprehensive plans to reform health services entail KCC Cabinet support for substantial variations of service in the NHS.",
            "Lack of understanding within KCC of NHS policy and regulatory environment; and vice versa, lack of understanding of local authority legislative, policy and democratic environment in NHS.",
        ],
        "consequences": [
            "Further deterioration in the financial and service sustainability of Health and Social Care system in Kent and Medway.",
            "Additional budget pressures transferred to social care as system monies are used to close acute and primary care service gaps.",
            "Legal challenge/judicial review of decisions and decision-making framework for integrated decisions.",
            "De facto transfer of LA commissioning and budgetary decisions to joint vehicles with NHS without appropriate safeguards. Existential challenge.",
            "Social care and public health service priorities determined by NHS, not KCC.",
            "Capitated provider contracts dominated by NHS budgets and targets.",
            "Focus on STP and ACP workstreams prevents more local and agile improvements/joint working being undertaken.",
            "Erosion of long-term working relationships between NHS and local government.",
            "Reputational damage to either KCC or NHS or both in Kent.",
        ],
        "owners": [
            "Anu Singh, Corporate Director Adult Social Care & Health (ASCH)",
            "Vincent Godfrey, Strategic Commissioner",
        ],
        "cabinet_members": [
            "Paul Carter Leader of the Council",
            "Peter Oakford, Cabinet Member for Strategic Commissioning",
            "Graham Gibbens, Cabinet Member for Adult Social Care",
        ],
        "current": (4, 4),
        "target": (3, 3),
        "previous": (4, 4),
        "note": "This risk has been significantly updated after comments from CMT and Cabinet Members. This risk is multi-faceted, with a number of different risk events highlighted. It will be necessary to review the controls listed and identify more in due course.",
        "controls": [
            (
                "KCC has a designated Cabinet Member Portfolio for Health Reform and Cabinet Member for Strategic Commissioning",
                "Paul Carter, Leader of the Council",
            ),
            ("Regular internal STP co-ordination meetings chaired by the Leader", "Paul Carter, Leader of the Council"),
            (
                "Establishment of a Health Reform and Public Health Cabinet Committee to provide non-executive member oversight and input of KCC involvement in the STP",
                "Ben Watts, General Counsel",
            ),
            (
                "Senior KCC political and officer representation on the STP Programme Board",
                "Anu Singh, Corporate Director ASCH",
            ),
            (
                "Senior KCC level officer representation on the East Kent ACP, and emerging West, North and Medway ACP",
                "Anu Singh, Corporate Director ASCH",
            ),
            ("Senior KCC level officer representation across STP workstreams", "Anu Singh, Corporate Director ASCH"),
        ],
        "actions": [
            (
                "Paper to County Council providing a framework decision for KCC engagement in STP and assurances around future decision-making relating to STP issues",
                "Ben Watts General Counsel/David Whittle, Director SPRCA",
                "December 2017",
                "outstanding",
            ),
            (
                "Development of a joint KCC and Medway Health and Wellbeing Board for STP related matters/issues",
                "David Whittle, Director SPRCA",
                "January 2018",
                "outstanding",
            ),
            (
                "Engagement with the new NHS Strategic Commissioner for Kent and Medway and alignment of strategic commissioning intentions with KCC Strategic Commissioner",
                "Vincent Godfrey, Strategic Commissioner",
                "April 2018",
                "outstanding",
            ),
        ],
    },
    {
        "code": "CRR0006",
        "title": "Resourcing implications arising from increasing complex adult social care need",
        "causes": [
            "Adult social care services across the country are facing growing pressures. Overall demand and cost for adult social care services in Kent continues to increase due to the complexity of presenting need, including increasing numbers of young adults with long-term complex care needs. This is all to be managed against a backdrop of reductions in Government funding, implications arising from the implementation of the Care Act, increases in Deprivation of Liberty Assessments and longer term demographic pressures."
        ],
        "event": [
            "Council is unable to manage and resource to future demand and its services consequently do not meet future statutory obligations and/or customer expectations."
        ],
        "consequences": [
            "Customer dissatisfaction with service provision.",
            "Increased and unplanned pressure on resources.",
            "Decline in performance.",
            "Legal challenge resulting in adverse reputational damage to the Council.",
            "Financial pressures on other council services.",
        ],
        "owners": ["Anu Singh, Corporate Director Adult Social Care and Health (ASCH)"],
        "cabinet_members": ["Graham Gibbens, Adult Social Care"],
        "current": (4, 5),
        "target": (3, 4),
        "previous": (4, 5),
        "controls": [
            (
                "Regular analysis and refreshing of forecasts to maintain the level of understanding of volatility of demand, which feeds into the relevant areas of the MTFP and the business planning process",
                "Anu Singh, Corporate Director ASCH",
            ),
            (
                "Continued drive to maximise the use of Telecare as part of the mainstream community care services",
                "Anne Tidmarsh, Director OPPD/ Penny Southern, Director DCALDMH",
            ),
            (
                "Continued support for investment in preventative services through voluntary sector partners",
                "Anu Singh, Corporate Director ASCH / Vincent Godfrey, Strategic Commissioner",
            ),
            (
                "Public Health & Social Care ensures effective provision of information, advice and guidance to all potential and existing service users, promoting self-management to reduce dependency",
                "Andrew Scott-Clark, Director Public Health/ ASCH Divisional Directors",
            ),
            (
                "Best Interest Assessments (BIA) training package in place to be delivered as part of a rolling programme twice yearly",
                "Annie Ho, Acting Head of Adult Safeguarding",
            ),
            (
                "Continual review and monitoring of demand in relation to Deprivation of Liberty assessments (DoLs) with external resources brought in as necessary.",
                "Annie Ho, Acting Head of Adult Safeguarding",
            ),
            (
                "Targeted use of additional social care monies received from Government",
                "Anu Singh, Corporate Director ASCH",
            ),
        ],
        "actions": [
            (
                "Implementation of Kent Integration and Better Care Fund plan",
                "Anu Singh, Corporate Director ASCH",
                "September 2018 (review)",
                "regular_review",
            ),
            (
                "Implementation of 'Your Life Your Wellbeing' projects that deliver a whole pathway transformation: Safeguarding, Social Work, Purchasing, Pathways to Preventative Services (Promoting Wellbeing), Integrated Rehabilitation (Promoting Independence) and Outcomes Based Homecare (Supporting Independence).",
                "Anu Singh, Corporate Director ASCH",
                "June 2018 (review)",
                "regular_review",
            ),
        ],
    },
    {
        "code": "CRR0007",
        "title": "Integration of Early Help and Preventative Services and Specialist Children's Services to improve outcomes and manage demand",
        "causes": [
            "Local Authorities continue to face increasing demand for specialist children's services due to a variety of factors, including consequences of highly publicised child protection incidents and serious case reviews, and policy/legislative changes.",
            "At a local level KCC is faced with additional demand challenges such as those associated with significant numbers of Unaccompanied Asylum Seeking Children (UASC). There are also particular 'pressure points' in several districts.",
            "These challenges need to be met as early help and preventative services and specialist children's services face increasingly difficult financial circumstances and operational challenges.",
        ],
        "event": [
            "Failure to maximise opportunities offered by integration of EHPS and SCS where appropriate.",
            "High volumes of work flow into early help and preventative services and specialist children's services leading to unsustainable pressure being exerted on them (recognising seasonal spikes such as end of term).",
        ],
        "consequences": [
            "Children's services performance declines as demands become unmanageable.",
            "Failure to deliver statutory obligations and duties or achieve social value.",
            "Additional financial pressures placed on other parts of the Authority at a time of severely diminishing resources.",
            "Ultimately an impact on outcomes for children, young people and their families.",
        ],
        "owners": ["Matt Dunkley, Corporate Director CYPE"],
        "cabinet_members": ["Roger Gough Children, Young People and Education"],
        "current": (4, 5),
        "target": (3, 4),
        "previous": (4, 5),
        "controls": [
            (
                "The Early Help and Preventative Services Programme is working to ensure that vulnerable families can access the right support through intensive work in Early Help Units and Step Down Panels, open access services or through targeted casework.",
                "Stuart Collins, Interim Director Early Help and Preventative Services",
            ),
            (
                "Intensive focus on ensuring early help to reduce the need for specialist children's support services.",
                "Matt Dunkley, Corporate Director CYPE",
            ),
            (
                "Scoping of diagnostic work for children's services with aid of efficiency partner has been completed",
                "Sarah Hammond, Interim Director Specialist Children's Services",
            ),
            (
                "Early Help & Preventative Services have outlined priorities for service development and change, including ambitious targets to improve outcomes for children, young people and families",
                "Stuart Collins, Interim Director Early Help & Preventative Services",
            ),
            (
                "Kent Safeguarding Children Board 'threshold' document outlines the criteria required by partners when making a referral and have been working with partners to promote aid appropriate application.",
                "Mark Janaway, Programme and Performance Manager",
            ),
        ],
        "actions": [
            (
                "Children and Young People's Service Integration Programme – implementation of integration pilots",
                "Stuart Collins, Interim Director of Early Help and Preventative Services / Sarah Hammond, Interim Director Specialist Children's Services",
                "June 2018",
                "outstanding",
            ),
            (
                "Implementation of Front Door Integration Project to better manage 'front door' referrals.",
                "Sarah Hammond, Interim Director Specialist Children's Services",
                "March 2018",
                "outstanding",
            ),
            (
                "Assess potential implications arising as a result of the Children and Social Work Act regulations e.g. increase in provision of support for care leavers up to 25",
                "Sarah Hammond, Interim Director Specialist Children's Services",
                "April 2018 (review)",
                "regular_review",
            ),
        ],
    },
    {
        "code": "CRR0008",
        "title": "Potential implications associated with significant migration into Kent",
        "causes": [
            "Migration to Kent is not a new phenomenon and is an inevitable outcome of being a London-peripheral authority, symptomatic of differentials in housing markets across the country and the desirability of living in the county.",
            "Welfare reform policy changes combined with an overheating London housing market continues to drive London residents to more affordable temporary and permanent accommodation in Kent.",
            "Over the past year, a number of London Boroughs have procured large sites to place residents in temporary accommodation into Kent",
            "KCC needs to be prepared to manage the impact on local communities, and any significant additional pressure on KCC services.",
        ],
        "event": [
            "Arrival of significant numbers of vulnerable households into the county, particularly if migration is into concentrated areas.",
            "London Boroughs, utilising higher per-capita funding and large capital/reserve budgets to procure sites in Kent to ease their overspends on housing/homelessness.",
            "Failure of KCC to plan with partners (Districts, Police, Health) to deal appropriately with potential consequences on Kent services.",
            "Failure of London Boroughs to provide information about incoming vulnerable households e.g. those known to children's social services in accordance with statutory requirements and agreed protocols.",
        ],
        "consequences": [
            "Potential impact on community cohesion in parts of the county.",
            "Additional pressure on KCC services e.g. school admissions, demand for adults and children's social care, community safety, public health.",
            "Impact on availability of accommodation for Kent residents, placing more pressure on services such as Kent Support and Assistance Service (KSAS), and/or displacing them outside of the county.",
        ],
        "owners": ["On behalf of CMT Matt Dunkley, Corporate Director CYPE", "Anu Singh, Corporate Director ASCH"],
        "cabinet_members": [
            "Graham Gibbens, Adult Social Care",
            "Mike Hill, Community & Regulatory Services",
            "Roger Gough, Children, Young People and Education",
        ],
        "current": (3, 4),
        "target": (3, 3),
        "previous": (3, 4),
        "controls": [
            (
                "Welfare reform - ongoing analysis and tracking of impacts conducted by Strategy, Policy, Relationships & Corporate Assurance and Strategic Business Development & Intelligence teams plus external partners to give an indication of scale of implications of reforms, feeding into a multi-agency Welfare Reform Task & Finish Group (sub-group of the Joint Kent Chiefs) to direct any necessary co-ordinated action/response.",
                "Vincent Godfrey, Strategic Commissioner/David Whittle, Director Strategy, Policy, Relationships and Corporate Assurance (SPRCA)",
            ),
            (
                "Kent Support and Assistance Service operating as the County's local welfare assistance scheme",
                "Emma Hanson, Head of Strategic Commissioning Community Services",
            ),
            (
                "A Steering Group consisting of Council Leaders, senior officers and housing leads from across all tiers of Local Government in Kent and Medway has been established to coordinate activity in response to London Boroughs' procurement of large sites for significant placements, including submitting amendments to the Homelessness Reduction Bill (now an Act), liaising with London Councils in aspiration of better collaboration, engaging with Kent MPs for them to take this issue forward at Government level, and exploring any potential for active market intervention / disruption.",
                "Paul Carter, Leader of the Council (KCC Lead)",
            ),
            ("Meeting held with Steering Group and Kent MPs in Westminster", "David Whittle, Director SPRCA"),
            (
                "Revised Advice note to be issued to member associations by London Councils is to include the mass placements issue.",
                "Chair of Housing sub-group, London Councils",
            ),
        ],
        "actions": [
            (
                "Key local stakeholders, including KCC, are meeting with London councils to discuss issues relating to 'bulk' placements into Kent, to build understanding and outline expectations from London and Kent perspectives.",
                "David Whittle, Director SPRCA",
                "December 2017",
                "outstanding",
            ),
            (
                "Work with local partners to understand and monitor potential local implications arising from implementation of the Homelessness Reduction Act.",
                "Debra Exall, Strategic Relationships Adviser",
                "April 2018 (review)",
                "regular_review",
            ),
        ],
    },
    {
        "code": "CRR0009",
        "title": "Future financial and operating environment for local government",
        "causes": [
            "The operating environment for local government is likely to continue to change during the coming years, presenting both opportunities and risks for the Council and its partners / service providers.",
            "Government funding is set to continue reducing over the medium term, especially in 2018/19 and 2019/20 in the final years of the current spending review and four year settlement. Thereafter there is more uncertainty and the 100% business rate retention scheme due to be implemented by 2020 may present opportunities but also threat to the Council.",
            "Continuing budget challenges will necessitate difficult decisions being made regarding the future of services.",
            "Limits on our ability to levy additional council tax without a referendum are also likely to remain for the foreseeable future.",
            "The Local Government, Cities and Devolution Act could have wide-ranging implications, including the potential for significant Local Government reorganisation.",
            "The EU referendum result in 2016 and June 2017 General Election result has added additional uncertainty to the environment, meaning major legislative change is unlikely.",
        ],
        "event": [
            "Additional unfunded spending demands and continued public sector austerity measures threaten financial sustainability of KCC, its partners and service providers.",
            "In order to set a balanced budget the council is likely to have to continue to make significant year on year savings. This will only add to the unprecedented era of real term spending reductions which councils have faced since 2010.",
            "Quality of KCC commissioned / delivered services suffers as financial situation continues to worsen.",
            "Insufficient Government Grant available to provide sufficient number of school places.",
        ],
        "consequences": [
            "Unsustainable financial situation.",
            "Potential for partner or provider failure – including sufficiency gaps in provision.",
            "Reduction in resident satisfaction and reputational damage.",
        ],
        "owners": ["On behalf of CMT: Andy Wood, Corporate Director Finance"],
        "cabinet_members": ["All Cabinet Members"],
        "current": (4, 4),
        "target": (3, 4),
        "previous": (4, 4),
        "controls": [
            (
                "Robust budgeting and financial planning in place via Medium Term Financial Planning (MTFP) process, including stakeholder consultation.",
                "Andy Wood, Corporate Director Finance",
            ),
            (
                "Processes in place for monitoring delivery of savings and budget as a whole.",
                "Andy Wood, Corporate Director Finance",
            ),
            (
                "KCC Strategic Statement 2015-2020 and annual report outline key strategic outcomes that the Authority aims to achieve during this period.",
                "Paul Carter, Leader of the Council",
            ),
            (
                "KCC Quarterly Performance Report monitors key performance and activity information for KCC commissioned or delivered services. Regularly reported to Cabinet.",
                "Richard Fitzgerald, Performance Manager",
            ),
            (
                "Ongoing oversight of implications relating to proposed Local Authority pension fund changes",
                "Nick Vickers, Business Partner (external funding)",
            ),
            (
                "Support being provided to the Leader of KCC in his role as Chair of the County Councils Network (CCN).",
                "David Whittle, Director SPRCA",
            ),
            (
                "Financial analysis conducted after each budget statement",
                "Dave Shipton, Head of Finance(Policy, Planning & Strategy)",
            ),
            (
                "Engagement with CCN, other local authorities and Government of potential opportunities and issues around devolution and public reform",
                "David Whittle, Director SPRCA",
            ),
        ],
        "actions": [
            (
                "Work proactively with Government regarding how the new business rate retention scheme can be most effectively implemented",
                "Dave Shipton, Head of Finance (Policy, Planning & Strategy)",
                "December 2017 (review)",
                "regular_review",
            ),
            (
                "Engage with Government for a fair-funding needs formula for Grant distribution and tariffs/top ups under business rate retention",
                "Andy Wood, Corporate Director Finance",
                "January 2018 (review)",
                "regular_review",
            ),
            (
                "Engage with Government for a fair Basic Need allocation to meet the demand for school places",
                "Keith Abbott, Director, CYPE",
                "Up to March 2018",
                "outstanding",
            ),
        ],
    },
    {
        "code": "CRR0011",
        "title": "Evolution of KCC's strategic commissioning approach",
        "causes": [
            "The Authority is developing a strategic commissioning approach, as it looks to transform and respond to the challenging local government environment.",
            "It is a journey in changing the systems, culture and approach the organisation takes to achieving its strategic outcomes.",
            "The approach aims to meet the need for comprehensive, professional strategic commissioning advice to all directorates across the Authority and requires a whole council ethos, as well as clarity of responsibility and accountability.",
        ],
        "event": [
            "Insufficient management capacity and / or capability in key skill areas to support sustained change.",
            "Lack of clarity over which activities that can be defined as strategic commissioning as distinct from the specification of service outcomes.",
            "Lack of buy-in to whole-council ethos to support the changes required.",
        ],
        "consequences": ["Potential to fall short of achieving benefits if changes introduced are not fully embedded."],
        "owners": ["In collaboration with CMT: Vincent Godfrey, Strategic Commissioner"],
        "cabinet_members": [
            "Peter Oakford, Deputy Leader and Cabinet Member for Strategic Commissioning and Public Health"
        ],
        "current": (3, 3),
        "target": (2, 3),
        "previous": (3, 3),
        "note": "This risk previously contained a number of broader elements relating to the management of change, but now focuses more specifically on the strategic commissioning ‘journey’. The risk is initially scored as ‘medium’.",
        "context_changed": True,
        "controls": [
            (
                "Senior role of Strategic Commissioner appointed, reporting to the Head of Paid Service, to oversee the delivery of strategic commissioning expertise",
                "David Cockburn, Head of Paid Service",
            ),
            (
                "Building capacity and capability in commissioning is a key area of KCC's Organisation Development action plan",
                "Julie Cudmore, Head of Organisation Development",
            ),
            ("Cabinet Member role for Strategic Commissioning created", "Paul Carter, Leader of the Council"),
            (
                "Rolling programme of reviews of contract management arrangements for major contracts embedded into Business as Usual and reported on regularly",
                "Vincent Godfrey, Strategic Commissioner",
            ),
            (
                "Commissioning Success: A strategy to improve lives by ensuring every pound spent in Kent is delivering better outcomes for Kent's residents, communities and businesses through successful commissioning developed as part of the co-design process",
                "Vincent Godfrey, Strategic Commissioner",
            ),
            (
                "KCC Commissioning Framework introduced to establish several core commissioning principles in everything we do as an authority",
                "Vincent Godfrey, Strategic Commissioner",
            ),
            (
                "A co-design approach has been taken to develop the Strategic Commissioning division and the way it works, with active involvement of stakeholders.",
                "Vincent Godfrey, Strategic Commissioner / Amanda Beer, Corporate Director EODD",
            ),
            (
                "KCC has established a Strategic Commissioning Division to strengthen commissioning capability, and lead and shape commissioning activity",
                "Vincent Godfrey, Strategic Commissioner",
            ),
        ],
        "actions": [
            (
                "Restructure of the Strategic Commissioning division to develop a vehicle for achievement of business strategy",
                "Vincent Godfrey, Strategic Commissioner",
                "April 2018",
                "outstanding",
            )
        ],
    },
    {
        "code": "CRR0013",
        "title": "Delivery of in-year savings within agreed budgets",
        "causes": [
            "The ongoing difficult public finances situation and economic uncertainty continue to mean significant reductions in funding to the public sector and Local Government in particular, at a time when spending pressures on councils are increasing.",
            "KCC has already made significant cost savings and still needs to make significant ongoing year-on-year savings in order to “balance its books”.",
        ],
        "event": [
            "Robust plans to achieve the required savings are not developed in time to enable implementation and realisation of benefits.",
            "Plans are not aligned with Cabinet Member priorities.",
        ],
        "consequences": [
            "Urgent alternative savings need to be found which could have an adverse impact on service users and/or residents of Kent.",
            "Potential adverse impact on council transformation plans.",
            "Reputational damage to the council.",
        ],
        "owners": ["On behalf of CMT: Andy Wood, Corporate Director Finance"],
        "cabinet_members": ["John Simmonds, Finance"],
        "current": (4, 4),
        "target": (3, 2),
        "previous": (4, 4),
        "note": "NOTE: Level of risk is expected to decrease during the year by effective operation of existing controls.",
        "controls": [
            (
                "Robust budgeting and financial planning in place via Medium Term Financial Planning (MTFP) process",
                "Andy Wood, Corporate Director Finance",
            ),
            (
                "Process for monitoring delivery of savings is in place, including a Budget & Programme Delivery Board to scrutinise progress.",
                "Andy Wood, Corporate Director Finance",
            ),
            (
                "Robust monitoring and forecasting of arrangements in place relating to the KCC budget as a whole",
                "Andy Wood, Corporate Director Finance",
            ),
            (
                "Procedures for appropriate consultation in place when decisions relating to changes in services are being considered",
                "Diane Trollope, Head of Engagement & Consultation",
            ),
            ("Controls and mechanisms remain robust", "Andy Wood, Corporate Director Finance"),
            (
                "Indicative cash limits and savings targets allocated to Corporate Directors to allow early planning.",
                "Corporate Directors and Director Group",
            ),
            (
                "Six monthly update reports on progress against budgeted savings presented to Governance & Audit Committee",
                "Corporate Directors and Director Group",
            ),
            (
                "Continued engagement with the Home Office for a fair settlement for Unaccompanied Asylum Seeking Children (UASC), particularly Care Leavers",
                "Matt Dunkley, Corporate Director, CYPE",
            ),
        ],
        "actions": [],
    },
    {
        "code": "CRR0014",
        "title": "Cyber-attack threats and their implications",
        "causes": [
            "The Council has a duty to protect personal and other sensitive data that it holds on its staff, service users and residents of Kent.",
            "KCC repels a high number of cyber-attacks on a daily basis, although organisations across all sectors are experiencing an increasing threat in recent times and must ensure that all reasonable methods are employed to mitigate them (within resource constraints), both in terms of prevention and preparedness of response in the event of any successful attack.",
            "KCC's ICT Strategy will move the Authority's technology to cloud based services. It is important to harness these new capabilities in terms of both IT security and resilience, whilst emerging threats are understood and managed.",
            "In information terms the other factor is human. Technology can only provide a level of protection. Our staff must have a strong awareness of their responsibilities in terms of IT and information security.",
        ],
        "event": [
            "Successful cyber-attack (e.g. 'phishing' scam) leading to loss or unauthorised access to sensitive business data.",
            "Significant business interruption caused by a successful attack.",
        ],
        "consequences": [
            "Data Protection breach and consequent Information Commissioner's Office (ICO) sanction.",
            "Damages claims.",
            "Reputational Damage.",
            "Potential significant impact on business interruption if systems require shutdown until magnitude of issue is investigated.",
        ],
        "owners": [
            "Amanda Beer, Corporate Director Engagement, Organisational Design & Development.",
            "Ben Watts, General Counsel and Senior Information Risk Owner (SIRO)",
            "Rebecca Spore, Director Infrastructure",
        ],
        "cabinet_members": ["Eric Hotson, Corporate & Democratic Services"],
        "current": (4, 4),
        "target": (3, 4),
        "previous": (4, 4),
        "controls": [
            (
                "Systems are configured in line with best practice security controls proportionate to the business information being handled. Systems are risk assessed and reviewed to ensure compliance is maintained",
                "Kathy Stevens, ICT Compliance and Risk Manager",
            ),
            (
                "Staff are required to abide by IT policies that set out the required behaviour of staff in the use of the technology provided. These policies are reviewed on an annual basis for appropriateness.",
                "Kathy Stevens, ICT Compliance and Risk Manager",
            ),
            (
                "Continual awareness raising of key risks amongst the workforce and manager oversight",
                "Internal Communications function / Michael Lloyd, Head of Technology Commissioning and Strategy // All Managers",
            ),
            (
                "Electronic Communications User Policy, Virus reporting procedure and social media guidelines in place",
                "Michael Lloyd, Head of Technology Commissioning and Strategy",
            ),
            (
                "External reviews of the Authority's security compliance are carried out to maintain accreditation and confirm best practice is applied.",
                "Kathy Stevens, ICT Compliance and Risk Manager",
            ),
            (
                "Persistent monitoring of threats, network behaviours and data transfers to seek out possible breaches and take necessary action",
                "Kathy Stevens, ICT Compliance and Risk Manager",
            ),
            (
                "Data Protection and Information Governance training is mandatory and requires staff to refresh periodically. Progress rates monitored regularly.",
                "Ben Watts, General Counsel",
            ),
            (
                "Further training introduced relating to cyber-crime, cyber security and social engineering to raise staff awareness and knowledge",
                "Michael Lloyd, Head of Technology Commissioning and Strategy",
            ),
            (
                "Messages to encourage increased awareness of information security amongst staff are to be communicated to align with key implementation milestones of the ICT Transformation Programme.",
                "Diane Trollope, Head of Engagement and Consultation",
            ),
        ],
        "actions": [
            (
                "Implementation of ICT Transformation Programme includes actions to further strengthen ICT resilience, with systems and software compliance with various UK Standards.",
                "Michael Lloyd, Head of Technology Commissioning and Strategy",
                "March 2018",
                "outstanding",
            ),
            (
                "Ensure robust procedures are in place to address breaches, including a retained specialist capability.",
                "Kathy Stevens, ICT Compliance and Risk Manager",
                "January 2018",
                "outstanding",
            ),
        ],
    },
    {
        "code": "CRR0015",
        "title": "Managing and working with the social care market",
        "causes": [
            "A significant proportion of adult social care is commissioned out to the private and voluntary sectors. This offers value for money but also means that KCC is dependent on a buoyant market to achieve best value and give service users optimal choice and control.",
            "Factors such as the introduction of the National Living Wage, potential inflationary pressures and uncertainty over care market workforce status in light of the vote to leave the EU mean that the care market is under pressure.",
        ],
        "event": [
            "Care home and domiciliary care markets are not sustainable.",
            "Inability to obtain provider supply at affordable prices.",
            "Significant numbers of care home closures or service failures.",
        ],
        "consequences": [
            "Gaps in the care market for certain types of care or in geographical areas meaning difficulty in placing some service users.",
            "Providers choose not to tender for services at Local Authority funding levels or accept service users with complex needs.",
        ],
        "owners": ["Anu Singh, Corporate Director ASCH, in collaboration with Vincent Godfrey, Strategic Commissioner"],
        "cabinet_members": [
            "Graham Gibbens, Adult Social Care",
            "Peter Oakford Strategic Commissioning and Public Health",
        ],
        "current": (4, 5),
        "target": (3, 3),
        "previous": (4, 5),
        "controls": [
            ("Risk based approach is applied to monitoring providers", "Vincent Godfrey, Strategic Commissioner"),
            (
                "Opportunities for joint commissioning in partnership with key agencies (i.e. Health) being regularly explored, including joint work regarding the provision of dementia nursing beds.",
                "Anu Singh, Corporate Director ASCH / Vincent Godfrey, Strategic Commissioner",
            ),
            (
                "An Accommodation Strategy is in place, developed with partners and key stakeholders.",
                "Vincent Godfrey, Strategic Commissioner",
            ),
            (
                "Regular market mapping and price increase pressure tracking",
                "Anu Singh, Corporate Director ASCH / Vincent Godfrey, Strategic Commissioner",
            ),
            ("Regular meetings with provider and trade organisations", "Vincent Godfrey, Strategic Commissioner"),
            (
                "Residential and Nursing Home contract monitoring: placement data gathered through the County Placement Team and twice weekly contacts with market re availability.",
                "Anu Singh, Corporate Director ASCH / Vincent Godfrey, Strategic Commissioner",
            ),
            (
                "Ongoing monitoring of Home Care market and market coverage. Commissioners and operational managers reviewing the capacity of the Home Care market with a view to developing a strategy to ensure market coverage.",
                "Vincent Godfrey, Strategic Commissioner",
            ),
            (
                "Commissioning and Access to Resources functions in place to ensure KCC gets value for money while maintaining productive relationships with providers",
                "Anu Singh Corporate Director ASCH/ Vincent Godfrey, Strategic Commissioner",
            ),
        ],
        "actions": [
            (
                "Project to improve quality of care in independent sector, with further work to operationalise it.",
                "Christy Holden, Head of Commissioning",
                "March 2018",
                "outstanding",
            ),
            (
                "Implementation of key actions arising from the Accommodation Strategy",
                "Christy Holden, Head of Commissioning",
                "March 2018 (review)",
                "regular_review",
            ),
        ],
    },
    {
        "code": "CRR0016",
        "title": "Delivery of new school places is constrained by capital budget pressures and dependency on the Education and Skills Funding Agency",
        "causes": [
            'A significant expansion of schools is required to accommodate major population growth in the short term to medium term (primary age) and medium to long term (secondary age). The "Basic Need" capital grant from Dept of Education (DfE) will not fund the expansion in full.',
            "A funding gap to deliver the programme for schools will be created by cost pressures from higher than expected build costs, low contributions from developers and increases in pupil demand.",
            "Whilst the funding gap identified with the Kent Commissioning Plan has been closed, the delivery of the plan is highly dependent upon securing 15 Free Schools in Kent over the period and that the ESFA complete the Free School projects on time and to an appropriate standard.",
        ],
        "event": [
            "The expansion required may not be delivered, meaning KCC is not able to provide appropriate school places."
        ],
        "consequences": [
            "The duty to provide sufficient school places is not met, which may lead to legal action against the council.",
            "Some children have to travel much further to attend a school, with a resulting impact on the transport budget.",
        ],
        "owners": ["Matt Dunkley, Corporate Director CYPE"],
        "cabinet_members": ["Roger Gough, Children, Young People and Education"],
        "current": (5, 4),
        "target": (4, 3),
        "previous": (5, 4),
        "controls": [
            (
                "The Kent Commissioning Plan contains the forecast expansion numbers and locations. A school expansion programme has been mapped, costed and kept under review.",
                "Keith Abbott, Director Education Planning and Access",
            ),
            (
                "The school expansion programme is under member scrutiny and review by relevant Education and Property programme boards/forums/committees.",
                "Keith Abbott, Director Education Planning and Access",
            ),
            (
                "CYPE capital monitoring mechanism with Member involvement now created",
                "Education Planning and Access DivMT",
            ),
            (
                "Policy and operations to secure sufficient developer contributions are overseen by Growth and Infrastructure Group.",
                "Keith Abbott, Director Education Planning and Access/Katie Stewart, Director Environment, Planning and Enforcement",
            ),
            (
                "A bid has been made for extra funding under the priority school building programme Phase 2",
                "Keith Abbott, Director Education Planning and Access",
            ),
            (
                "Negotiations have taken place with District Councils regarding allocation of contributions",
                "Area Education Officers",
            ),
            (
                "Close working with the ESFA and lobbying of the DfE/ESFA. This included raising the issue in the KCC response to the Education White Paper and the Leader raised this via the County Council Network.",
                "Keith Abbott, Director Education Planning and Access",
            ),
            (
                "Regular meetings with ESFA officials to monitor progress at individual project level and identify ways in which KCC can help progress these projects.",
                "Keith Abbott, Director Education Planning and Access",
            ),
        ],
        "actions": [
            (
                "Further lobbying of the Secretary of State and Kent MPs",
                "Keith Abbott, Director Education Planning and Access",
                "March 2018 (review)",
                "regular_review",
            ),
            (
                "Contingency plans for alternative interim accommodation for each Free School project are being developed on a case-by-case basis i.e. temporary expansions to schools to meet immediate pressures, or the allocation of available places within existing schools",
                "Keith Abbott, Director Education Planning and Access / Area Education Officers",
                "March 2018 (review)",
                "regular_review",
            ),
        ],
    },
    {
        "code": "CRR0039",
        "title": "Information Governance – Introduction of General Data Protection Regulations",
        "causes": [
            "The Council is required to maintain the confidentiality, integrity and proper use of data and has a number of controls already in place to manage this.",
            "In May 2018 General Data Protection Regulations (GDPR) come into effect that introduce significantly increased obligations on all data controllers, including the Council.",
            "This will require significant preparation.",
        ],
        "event": [
            "Failure to prepare adequately for the introduction of the new regulations.",
            "Information security incidents resulting in loss of personal data or breach of privacy / confidentiality.",
        ],
        "consequences": [
            "Information Commissioner's Office sanction (e.g. undertaking, assessment, improvement, enforcement or monetary penalty notice issued against the Authority).",
            "Serious breaches under GDPR could attract a fine of €20m or 4% annual global turnover.",
            "Increased risk of litigation.",
            "Reputational damage.",
        ],
        "owners": ["Ben Watts, General Counsel and Senior Information Risk Owner (SIRO)"],
        "cabinet_members": ["Eric Hotson, Corporate & Democratic Services"],
        "current": (3, 4),
        "target": (2, 4),
        "previous": (3, 4),
        "controls": [
            (
                "Management Guide on Information Governance in place, highlighting key policies and procedures.",
                "Caroline Dodge, Team Leader Information Resilience & Transparency",
            ),
            (
                "A number of policies and procedures are in place including KCC Information Governance Policy; Information Governance Management Framework; Information Security Policy; Data Protection Policy; Freedom of Information Policy; and Environmental Information Regulations Policy all in place.",
                "Ben Watts, General Counsel and Senior Information Risk Owner (SIRO)",
            ),
            (
                "Staff are required to complete mandatory training on Information Governance and Data Protection and refresh their knowledge every two years as a minimum.",
                "Ben Watts, General Counsel and Senior Information Risk Owner (SIRO) / Amanda Beer, Corporate Director EODD",
            ),
            (
                "Cross-directorate Information Governance Group in place to support the SIRO",
                "Ben Watts, General Counsel and Senior Information Risk Owner (SIRO)",
            ),
            (
                "Information Resilience and Transparency team in place, providing business information governance support.",
                "Caroline Dodge, Team Leader Information Resilience & Transparency",
            ),
        ],
        "actions": [
            (
                "Finalise implementation of any outstanding actions arising from 2016 Information Commissioner's Office (ICO) audit.",
                "Ben Watts, General Counsel and Senior Information Risk Owner (SIRO)",
                "December 2017",
                "outstanding",
            ),
            (
                "Appoint a Data Protection Officer as a designated contact with the ICO.",
                "David Cockburn, Head of Paid Service",
                "January 2018",
                "outstanding",
            ),
            (
                "Review and update privacy notices to include legal basis (where applicable) and name/contact details of Data Protection Officer. Introduce new privacy notices as required for service areas where they don't currently exist",
                "Caroline Dodge, Team Leader Information Resilience & Transparency",
                "January 2018",
                "outstanding",
            ),
            (
                "Review and revise procedures to comply with new enhanced individual's rights / consider repercussions of Subject Access Requests free of charge and reduced timescales to deal",
                "Caroline Dodge, Team Leader Information Resilience & Transparency",
                "January 2018",
                "outstanding",
            ),
            (
                "Review and update procedures/protocols for investigating and reporting data breaches",
                "Caroline Dodge, Team Leader Information Resilience & Transparency",
                "January 2018",
                "outstanding",
            ),
        ],
    },
    {
        "code": "CRR0040",
        "title": "Opportunities and risks associated with Alternative Service Delivery Models",
        "causes": [
            "KCC has established a number of wholly-owned companies delivering a wide range of professional services that can bring benefits such as a change in culture and a more commercial approach to delivering services; more freedom to invest; the ability to secure new external clients; and the ability to grow the business and return a dividend to the Council as shareholder.",
            "As with any new company start up, there will also be risks to be managed.",
            "With the number of wholly-owned companies potentially increasing, the council has reached a cross-over point where the wider objectives of the shareholder (KCC) is of at least the same importance as the individual needs of the new companies.",
        ],
        "event": [
            "Expected financial dividends not met or return on investment takes longer than planned to achieve.",
            "One or more company acts in a way that does not fit with KCC's values.",
            "Council attempts to manage or run individual companies rather than acting as shareholder to extract the maximum value and benefit for the council in terms of both financial return and delivery of our identified outcomes as the owner of the businesses.",
        ],
        "consequences": [
            "Additional pressures on Council budget.",
            "Reputational damage.",
            "Companies may not be able to take advantage of commercial opportunities if decision-making is restricted.",
        ],
        "owners": ["KCC Shareholder Board"],
        "cabinet_members": [
            "Paul Carter, Traded Services and Health Reform",
            "Supported by: Richard Long, Cabinet Lead for Traded Services",
        ],
        "current": (3, 3),
        "target": (2, 2),
        "previous": None,
        "controls": [
            (
                "Governance: shareholder and company boards exist for KCC-owned companies with respective roles, with matters reserved for shareholder decision outlined.",
                "Ben Watts, General Counsel",
            ),
            (
                "Cultural and change factors are built into the planning for proposed creation of alternative service delivery models",
                "Julie Cudmore, Head of Organisation Development",
            ),
            (
                "KCC's Group Audit function conducts audits for KCC-owned companies",
                "Robert Patterson, Head of Internal Audit",
            ),
            (
                "Robust business cases developed for proposed new companies, subject to Member and Officer scrutiny – including consideration of market potential, governance arrangements etc.",
                "Relevant Cabinet Member and Corporate Director.",
            ),
        ],
        "actions": [
            (
                "Conduct review of KCC company governance and ownership.",
                "Paul Carter, Leader of the Council / Richard Long, Cabinet Lead for Traded Services / David Cockburn, Head of Paid Service / Andy Wood, Corporate Director Finance / Ben Watts, General Counsel",
                "April 2018",
                "outstanding",
            )
        ],
    },
    {
        "code": "CRR0041",
        "title": "Maintaining a healthy and effective workforce through significant change",
        "causes": [
            "KCC's workforce makes a vital contribution to the delivery of the Council's strategic outcomes, through its energy, commitment and hard work.",
            "Staff across the organisation need to be healthy, motivated and have the right skills to help the organisation develop.",
            "It is important that this continues through challenging times, with significant change becoming the new reality and further year-on-year efficiencies being required to meet difficult budgetary challenges.",
        ],
        "event": [
            "Low morale or stress related to organisational change or other factors.",
            "Increased sickness levels.",
            "Lack of depth / resilience of key personnel or teams.",
            "Increasing demands on staff leads to insufficient capacity.",
        ],
        "consequences": ["Negative impact on productivity and levels of service."],
        "owners": ["Corporate Management Team"],
        "cabinet_members": ["Eric Hotson, Corporate and Democratic Services"],
        "current": (2, 4),
        "target": (2, 4),
        "previous": None,
        "controls": [
            (
                "Annual staff survey (Employment Value Proposition – EVP) builds insight by looking at the perceived balance between what the organisation offers staff and what employees bring to the job",
                "Amanda Beer, Corporate Director, EODD",
            ),
            (
                "Wellbeing initiatives and health promotions for staff",
                "Paul Royel, Head of Human Resources (HR) and Organisation Development (OD)",
            ),
            ("Arrangements in place for active monitoring and response to absence", "Paul Royel, Head of HR and OD"),
            ("Employee engagement strategy in place", "Paul Royel, Head of HR and OD"),
            ("iResilience tools available", "Amanda Beer, Corporate Director EODD"),
            (
                "Staff care services provide professional occupational health, counselling (Support Line); coaching and mediation services to help ensure staff are physically, emotionally and mentally well.",
                "Mark Scott, Interim Head of Business Service Centre",
            ),
            (
                "Suite of key performance indicators being monitored as early warning indicators e.g. retention, absence",
                "Amanda Beer, Corporate Director EODD",
            ),
            (
                "Directorate Organisation Development group shares best practice and facilitates communication on key OD issues",
                "Julie Cudmore, Head of Organisation Development",
            ),
            (
                "Service redesigns take account of capacity and capability issues ensuring resources are allocated appropriately",
                "Corporate Management Team",
            ),
        ],
        "actions": [],
    },
]
