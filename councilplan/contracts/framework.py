# ruff: noqa: E501 - verbatim reference text, one descriptor a line
"""The NAO good practice contract management framework as KCC adapted it (seed 003, "Contract management
maturity: Description of activities and maturity levels", September 2016, lines 1031–1066): for each of the eight
activities, the descriptors of each of the five maturity levels, verbatim (the seed's bullets, one string each).

Reference text shown beside the level picker and printed in the framework annex; the counts (160 descriptors) are
checked in the tests against spec/contracts.md.
"""

DESCRIPTORS: dict[str, tuple[tuple[str, ...], ...]] = {
    "planning_governance": (
        (
            "No governance processes or systems",
            "Contract managers operate with complete autonomy",
            "No management visibility or control",
            "No clear ownership of contract management",
            "No planned transition between CM phases",
        ),
        (
            "Governance processes or systems in place on some contracts. Unlikely to be standard, consistent or aligned with KCC governance",
            "Some contracts have a contract management plan but this is mostly absent",
            "Limited reporting of issues to senior management",
            "Some knowledge is transferred between CM phases but this is not well planned",
        ),
        (
            "There are standardised CM governance processes in place and used across all contracts. These align in parts to wider KCC governance",
            "Contract management plans are used on all contracts with standardised content",
            "Issues and risks are visible at all levels of KCC management",
            "Improvements in the governance process are identified",
            "A standardised process is in place for transfer of knowledge between CM phases",
        ),
        (
            "Governance processes generate clear, useful and standardised management information assisting in KCC decision making",
            "The governance processes are automated, with systems available for reporting and monitoring of issues and risk",
            "Regular and planned assurance activities take place, driven by the requirements of CM governance structures",
        ),
        (
            "Contract management guidance and framework meets best in class standards and is easily accessible by all contract managers",
            "Knowledge management is embedded and key data and lessons learnt are captured within contract management and across KCC more widely",
            "Regular improvements are made to governance processes to ensure they remain leading class",
        ),
    ),
    "people": (
        (
            "No continuity between contract management roles",
            "Resource issues present",
            "Contract manager has no knowledge of the contract or has not read it",
            "The contract manager does not have the necessary skills or experience",
            "Central job descriptions are not available and objectives are not set",
            "There is no training available",
        ),
        (
            "Some contracts involve the contract manager and business users in the tendering phases but this is not common",
            "Contract managers have a basic knowledge of key parts of the contract",
            "Contract managers have documented job and role descriptions but these are not standard across KCC",
            "Contract managers have variable capability",
            "Training is available but is not standardised or mandated",
        ),
        (
            "Contract management is adequately resourced",
            "A standardised KCC wide process ensures contract managers and business users are fully integrated into tender teams",
            "Contract managers are fully conversant with the contract",
            "Role and job descriptions are standardised across KCC",
            "Standardised training is available with mandatory requirements",
            "Staff are regularly assessed for competence",
        ),
        (
            "Regular reporting and metrics are available to management on the performance and competence of CM staff",
            "People inputs are rigorously planned across the whole contract life-cycle",
            "Capability assessments and people performance monitoring are automated on standard KCC systems",
            "Competence assessments form part of a wider assurance framework",
        ),
        (
            "Contract managers are all experts in their field with subject matter experts employed for management of bespoke contracts",
            "A formalised contract management “community” has been set up and facilitated by KCC for staff to share knowledge and experience",
        ),
    ),
    "administration": (
        (
            "Hard copy contracts are not stored or logged",
            "No contract management software or systems are available",
            "Administrative mechanisms are not defined or planned",
            "No management information produced or reported",
        ),
        (
            "Hard copy documents are retained but the process is driven at contract level and not standardised",
            "Software is available but not used",
            "Administrative mechanisms are present but not planned or standardised",
            "Management reporting is informal and does not use standard templates or metrics",
        ),
        (
            "There are standardised policies and processes for hard copy document management",
            "Plain English contract guides/summaries are produced",
            "Software use is standardised across KCC for contract management",
            "Administrative mechanisms form part of standard KCC processes",
            "Management reporting is formalised but may not be aggregated across KCC",
        ),
        (
            "Management information is standardised and in a form which makes it possible to manipulate and aggregate across KCC",
            "Automated system links are present between functions involved with administration",
        ),
        (
            "Administrative process are fully automated, linked and integrated across KCC functions and business units",
            "Systems enable ad-hoc interrogation by management for production of bespoke reports",
        ),
    ),
    "relationships": (
        (
            "Supplier roles and responsibilities are not defined",
            "Stakeholders and communication routes are not defined and communication is limited",
            "Problem resolution is ad hoc with no defined process",
        ),
        (
            "Roles and responsibilities are defined on some contracts but the quality of this varies",
            "Contracts have both structured and informal communication routes with stakeholders but these are unlikely to be documented and their application will vary",
            "Problem resolution processes may be in place but do not follow KCC standards",
        ),
        (
            "Roles and responsibilities clearly defined for all contracts using KCC standard formats",
            "Structured and informal communication processes are in place, documented and follow standard KCC processes",
            "Users have a clear expectation and understanding of the contract",
            "Problem resolution processes are standardised across KCC",
        ),
        (
            "Relationship management and communication processes are monitored as part of a KCC wide assurance regime",
            "Communication takes a variety of forms which are optimised depending on purpose",
            "Joint statements of intent are formalised between contract managers and suppliers",
            "Customer and supplier staff are co-located where necessary",
        ),
        (
            "Communication routes are fully aligned and integrated with KCC communication systems and processes",
            "Productive and collaborative relationships exist with all suppliers and across all contracts maximising value and innovation",
        ),
    ),
    "performance": (
        (
            "Service baselines are not used or set",
            "Parties do not understand what is being delivered",
            "Performance management frameworks are simplistic or do not contain adequate mechanisms for monitoring",
            "Supplier performance is not assessed or metrics are not in place for adequate assessment",
            "No performance reporting takes place",
            "User compliance with the contract is not monitored",
            "Feedback and performance review processes for suppliers are not in place",
        ),
        (
            "Service baselines are set for most contracts but the process is not standard",
            "Performance management frameworks exist but mechanisms are not standard or have some deficiencies",
            "Supplier performance is assessed but metrics may not be optimal and the processes employed non standard",
            "Reporting takes place on an informal basis",
            "User compliance is considered but compliance processes do not exist",
            "Feedback and performance reviews are informal",
        ),
        (
            "A standardised service management process is in place and applied to all contracts",
            "A performance management framework is used on all contracts and follows KCC standards",
            "Performance metrics have been set according to KCC standards and are optimised for specific contracts",
            "Reporting takes place per a standard KCC process",
            "User compliance is checked and enforced via a standard process",
            "Feedback and performance reviews take place in line with KCC guidance and process",
        ),
        (
            "Service management and performance metrics are compiled, aggregated and reported across KCC enabling regular monitoring",
            "Performance risks are regularly assessed and monitored by KCC management",
            "Performance monitoring forms part of a comprehensive risk based assurance plan",
            "Supplier feedback drives innovation and cost savings",
        ),
        (
            "Performance metrics align and are integrated with KCC wide performance frameworks and objectives",
            "Systems allow management to interrogate data and produce reports on demand to facilitate decision making",
        ),
    ),
    "payment_incentives": (
        (
            "Payment mechanisms are not understood by the contract managers and are not documented",
            "Payment processes are not defined, inefficient and include limited checks and authorisations",
            "Costs are not monitored",
            "Financial incentives are not in place",
        ),
        (
            "Payment mechanisms are understood but may not be documented or follow KCC standards",
            "Payment processes are defined but will vary across contracts",
            "Teams involved in processing payments may not understand each others roles and tasks may be duplication or missed",
            "Limited checking of invoices takes place but it is unlikely to follow a KCC standard process",
            "Costs may be monitored but variance against forecasts does not take place",
            "Limited financial incentivisation takes place",
        ),
        (
            "Standardised processes ensure payment mechanisms are fully understood by all parties",
            "Payments follow standardised KCC processes and are customised where necessary",
            "Those involved in payments fully understand each others roles and these are documented",
            "Standardised invoice checking processes are used on all contracts and are flexible enough for application across all contracts",
            "Monitoring of costs takes place and variance against forecasts is measured and reported",
            "A basic assurance regime is in place to ensure compliance with standard processes",
            "Financial incentives are in place and used on all contracts",
        ),
        (
            "Payment processes are automated where possible with system based controls designed and implemented where possible",
            "KCC management receive regular monitoring reports highlighting payment exceptions and supplier errors",
            "A risk based assurance plan is developed and in place for all contracts, scheduling comprehensive payment assurance activities",
        ),
        (
            "Payment processes align and fully integrate with KCC wide systems and processes",
            "Lessons are learnt from previous issues and with learning disseminated and applied across KCC",
            "Payment issues rarely arise as a result of class leading integration between contract management and suppliers",
        ),
    ),
    "risk": (
        (
            "No risk management process are in place",
            "Risks are not identified, monitored or managed",
            "No escalation of risks take place",
            "Contractual terms are not understood or monitored",
        ),
        (
            "Risk management processes are in place on contracts but these do not follow a KCC standard and so may be deficient",
            "Risks are identified but not actively managed or monitored",
            "Risks may be escalated but not through formal reporting process",
            "Contractual terms are understood but not actively monitored",
        ),
        (
            "Risk management processes for contracts are standardised across KCC",
            "Standard processes are used to identify, monitor and actively manage risks",
            "Risks are escalated in line with standard KCC process",
            "Risks are reported to defined governance bodies",
            "High risk contractual terms are understood and actively monitored",
        ),
        (
            "Contract risk management processes form part of the wider KCC governance system",
            "Standardised management information on risks is used at all levels within KCC",
            "Class leading risk management and assessment processes form the basis of a comprehensive assurance plan for all contracts",
        ),
        (
            "A culture of risk management is embedded across KCC and contract management is fully integrated within this culture",
        ),
    ),
    "contract_development": (
        (
            "Contracts are not regularly reviewed to ensure they still meet business needs",
            "Formalised change processes are not used",
            "Changes are implemented operationally without contractual variations",
            "Value for money testing does not take place",
            "Dispute processes are not well defined or understood",
        ),
        (
            "Contracts are reviewed to ensure they meet business needs but not as part of a formal process or on a regular basis",
            "Change processes are used but are not documented and are not standardised across KCC",
            "Value for money testing takes place on an informal basis",
            "Dispute processes are defined but not standardised across KCC",
        ),
        (
            "A standardised KCC process exists for assessment and review of contracts to ensure they meet business needs",
            "Standardised change processes are in place which involve all KCC stakeholders and are used on all contracts",
            "All changes are fully impacted and contractually agreed before being operationally implemented",
            "Value for money testing takes place in line with a standardised process",
            "Dispute processes are standardised and understood by all parties",
        ),
        (
            "Contract changes and variations are actively monitored and reported as part of KCC governance processes",
            "Non compliance with KCC change procedure is actively monitored and managed",
            "Change processes use KCC systems for contractual updates and document control",
        ),
        (
            "A culture of continuous improvement is embedded within KCC contract management",
            "Contract development and innovation regularly drives performance improvements and value for money",
        ),
    ),
}
