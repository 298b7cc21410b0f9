"""Audit and Governance Committee, 23 July 2024 and 28 January 2025: ModernGov HTML pages."""

from __future__ import annotations

from .model import Doc
from .render import fixed_time

AUDIT_2024 = """
# Minutes: Audit and Governance Committee - Tuesday, 23rd July, 2024 2.00 pm

**Venue: **Committee Room 1, County Hall, Castle Street, Ashcombe

**Contact: **Tom Ruddock, Democratic Services Officer, 01632 960415

## Attendance

Cllr E Lam (Chair), Cllr S Greaves (Vice-Chair), Cllr M Ellery, Cllr W Nash, Cllr R Sato,
Cllr D Varley and Mrs C Denning (Independent Member)

Also present: Mr O Pryce (Corporate Director Finance), Mr K Marsh (Head of Internal Audit),
Ms C Whitcombe (General Counsel and Monitoring Officer) and Ms A Fenwick (Engagement Lead,
Grant & Hollis LLP, external auditor)

## 14. Apologies and Substitutes

Apologies were received from Cllr C Mbeki.

## 15. Declarations of Interest

There were no declarations of interest.

## 16. Minutes of the meeting held on 23 April 2024

RESOLVED that the minutes of the meeting held on 23 April 2024 are correctly recorded and that
they be signed by the Chair.

## 17. Internal Audit Annual Report 2023-24

Minutes:

Mr Marsh presented the annual report of the Head of Internal Audit for 2023-24.

* 46 of the 52 audits in the revised audit plan had been completed. The six audits not
completed had been deferred to 2024-25 at the request of the services concerned and with the
agreement of the Chair.

* The Head of Internal Audit's overall opinion was that the council's framework of governance,
risk management and control was adequate, with some improvement required.

* Three audits had received limited assurance: Home to School Transport - Contract Management,
Cyber Security - Third Party Access, and Direct Payments in Adult Social Care.

* On home to school transport, the audit found that 23 of the 60 contracts tested had been
varied without a written record of approval, and that routes had not been re-tendered as
planned. Members noted that the service was forecast to overspend by £4.1 million in
2023-24.

* Cllr Ellery asked whether the weaknesses in contract management were linked to the
overspend. Mr Marsh said they were a contributory factor but that rising demand for SEND
transport was the main cause.

ACTION: Mr Marsh to bring a follow-up report on the Home to School Transport audit to the
committee's meeting in January 2025.

RESOLVED that the committee notes the Internal Audit Annual Report 2023-24 and the Head of
Internal Audit's opinion that the council's framework of governance, risk management and
control was adequate.

## 18. Annual Governance Statement 2023-24

Minutes:

Ms Whitcombe presented the draft Annual Governance Statement, which identified two significant
governance issues: the financial sustainability of the high needs block of the Dedicated
Schools Grant, and services for children and young people with special educational needs and
disabilities, following the area SEND inspection carried out in June 2024, the outcome of which
was awaiting publication.

* The high needs deficit stood at £63.2 million at 31 March 2024.

* Members asked that the Statement be updated once the inspection report was published, and
Ms Whitcombe agreed.

RESOLVED that the committee approves the Annual Governance Statement 2023-24 for signature by
the Leader and the Chief Executive, subject to an update on the area SEND inspection once the
report is published.

## 19. External Audit: Interim Value for Money Findings 2023-24

Minutes:

Ms Fenwick reported that Grant & Hollis LLP had identified a significant weakness in the
council's arrangements for financial sustainability, because the council did not yet have a
credible plan to eliminate the high needs deficit. The auditor would make a key
recommendation in its Auditor's Annual Report.

RESOLVED that the committee notes the interim value for money findings.

The meeting ended at 4.05 pm.
"""

AUDIT_2025 = """
# Minutes: Audit and Governance Committee - Tuesday, 28th January, 2025 2.00 pm

**Venue: **Committee Room 1, County Hall, Castle Street, Ashcombe

**Contact: **Tom Ruddock, Democratic Services Officer, 01632 960415

## Attendance

Cllr E Lam (Chair), Cllr S Greaves (Vice-Chair), Cllr M Ellery, Cllr W Nash, Cllr C Mbeki,
Cllr R Sato, Cllr D Varley and Mrs C Denning (Independent Member)

Also present: Mr O Pryce (Corporate Director Finance), Mr K Marsh (Head of Internal Audit),
Mr I Buckley (Corporate Director Growth, Environment and Transport) and Ms A Fenwick
(Engagement Lead, Grant & Hollis LLP)

## 38. Apologies and Substitutes

There were no apologies.

## 39. Declarations of Interest

There were no declarations of interest.

## 40. Minutes of the meeting held on 22 October 2024

RESOLVED that the minutes of the meeting held on 22 October 2024 are correctly recorded and
that they be signed by the Chair.

## 41. Home to School Transport - Follow-up Audit

Minutes:

Mr Marsh presented the follow-up audit requested by the committee in July 2024.

* Seven of the nine recommendations of the original audit had been implemented, and the audit
opinion had been raised from limited to reasonable assurance.

* A contract variation register was now in place and every variation over £5,000 was approved
in writing by a manager.

* The two outstanding recommendations were the procurement of route optimisation software and
the re-tendering of 112 routes in the Wenmouth and Sallowfield areas, both due to be
completed by 30 June 2025.

* Mr Buckley said that route changes made since September 2024 were expected to save
£1.2 million in a full year.

RESOLVED that the committee notes the progress made and asks for confirmation that the two
outstanding recommendations have been implemented at its meeting in July 2025.

## 42. Corporate Risk Register

Minutes:

Mr Pryce presented the corporate risk register. Risk CRR0042, SEND services and high needs
funding, remained the highest-rated risk, with a residual score of 20 out of 25, because of
the area SEND inspection outcome and the projected high needs deficit of £88.5 million at 31
March 2025.

Mrs Denning asked how the committee could be assured that the SEND priority action plan was
being delivered. Mr Pryce said that the Children and Young People's Scrutiny Committee
received quarterly progress reports and that the SEND Improvement Board met monthly.

RESOLVED that the committee notes the corporate risk register and asks the Corporate Director
Children, Young People and Education to attend its April 2025 meeting to explain the mitigation
of risk CRR0042.

## 43. External Audit: Auditor's Annual Report 2023-24

Minutes:

Ms Fenwick presented the Auditor's Annual Report. The significant weakness in arrangements
for financial sustainability reported in July 2024 remained, and the auditor had made a key
recommendation that the council agree with the Department for Education a plan to bring the
high needs budget back into balance.

RESOLVED that the committee notes the Auditor's Annual Report 2023-24 and the management
response to the key recommendation.

The meeting ended at 3.40 pm.
"""

DOCS = [
    Doc(
        "audit-and-governance-committee/2024-07-23/"
        "Minutes - Audit and Governance Committee - Tuesday, 23rd July, 2024 2.00 pm.html",
        "html",
        "Minutes: Audit and Governance Committee - Tuesday, 23rd July, 2024 2.00 pm",
        AUDIT_2024,
        created=fixed_time(2024, 7, 30),
        extra={"breadcrumbs": "Audit and Governance Committee > Meeting of 23 July 2024 > Minutes"},
    ),
    Doc(
        "audit-and-governance-committee/2025-01-28/"
        "Minutes - Audit and Governance Committee - Tuesday, 28th January, 2025 2.00 pm.html",
        "html",
        "Minutes: Audit and Governance Committee - Tuesday, 28th January, 2025 2.00 pm",
        AUDIT_2025,
        created=fixed_time(2025, 2, 4),
        extra={
            "breadcrumbs": "Audit and Governance Committee > Meeting of 28 January 2025 > Minutes"
        },
    ),
]
