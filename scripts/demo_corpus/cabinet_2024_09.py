"""Cabinet, 19 September 2024: printed minutes (SEND Priority Action Plan, Holtmoor Relief Road)."""

from __future__ import annotations

from .model import Doc
from .render import fixed_time

MINUTES = """
# FERNLEIGH COUNTY COUNCIL

# CABINET

MINUTES of a meeting of the Cabinet held in the Council Chamber, County Hall, Castle Street,
Ashcombe on Thursday, 19 September 2024.

PRESENT: Cllr M Okafor (Chair), Cllr D Penhale, Cllr P Raman, Cllr T Ashdown, Cllr G Lowe
and Cllr F Draycott

IN ATTENDANCE: Ms R Thorne (Chief Executive), Mr O Pryce (Corporate Director Finance),
Mr S Achebe (Corporate Director Children, Young People and Education), Ms L Haddad (Director
of Education and SEND), Dr A Sorensen (Chief Nursing Officer, NHS Fernleigh and Wenvale ICB),
Mr I Buckley (Corporate Director Growth, Environment and Transport) and Ms C Whitcombe
(General Counsel and Monitoring Officer)

## UNRESTRICTED ITEMS

## 118. Apologies

(Item 1)

Apologies were received from Cllr H Marchetti.

## 119. Declarations of Interest

(Item 2)

Cllr Raman declared that she was a governor of Kestrel Vale School. The interest was not
pecuniary and she took part in all items.

## 120. Minutes of the Meeting held on 18th July 2024

(Item 3)

RESOLVED that the minutes of the meeting held on 18 July 2024 were a correct record and that
they be signed by the Chair.

## 121. Cabinet Member Updates

(Item 4)

1. Cllr Ashdown, Cabinet Member for Highways and Transport, reported that the consultation on
the route of the Holtmoor Relief Road had closed on 30 August 2024 with 1,164 responses, 71 per
cent of which supported the preferred route.

2. Cllr Lowe, Cabinet Member for Environment, reported that household recycling centres had
recycled 68 per cent of the waste they received in the first quarter of 2024-25, the highest
rate recorded.

## 122. 24/00068 - Revenue and Capital Budget Monitoring - Quarter 1 2024-25

(Item 5)

Mr Pryce introduced the report.

Minutes:

* The forecast revenue overspend for 2024-25 was £19.8 million, with pressures of £8.6 million
in children's social care and £6.9 million in home to school transport, most of it for
children with SEND.

* The high needs deficit in the Dedicated Schools Grant was projected to rise from £63.2
million at 31 March 2024 to £88.5 million by 31 March 2025. It was held outside the general
fund under the statutory override.

RESOLVED that Cabinet notes the forecast revenue overspend of £19.8 million for 2024-25 and
agrees the management actions set out in section 4 of the report.

## 123. 24/00071 - Area SEND Inspection: Priority Action Plan

(Item 6)

Cllr Raman introduced the report. The area SEND inspection carried out by Ofsted and the Care
Quality Commission from 10 to 14 June 2024 had found widespread and/or systemic failings. The
report published on 26 July 2024 set out two areas for priority action and three areas for
improvement. Cllr Raman apologised to the families who had been let down and said the council
accepted the findings in full.

Minutes:

* Ms Haddad explained that the Priority Action Plan had been written with the ICB and the
Fernleigh Parent Carer Forum and had to be submitted to Ofsted and CQC by 8 October 2024.

* The plan set a target for 60 per cent of new EHC plans to be issued within 20 weeks by
September 2025, and 75 per cent by March 2026. Performance had already improved from 31 per
cent in 2023 to 39 per cent in July 2024.

* Dr Sorensen said the ICB would invest £2.1 million to reduce the average wait for a
neurodevelopmental assessment to under 52 weeks by March 2026, including new assessment
capacity in Wenmouth and Brindlebury and an online 'waiting well' hub for families.

* The council would invest an additional £3.2 million in 2024-25 and £4.5 million in 2025-26
to recruit 18 more EHC coordinators and 6 more educational psychologists and to clear the
backlog of annual reviews.

* Cllr Draycott asked how members would know whether the plan was working. Mr Achebe said a
SEND Improvement Board with an independent chair would meet monthly, and that progress would
be reported to the Children and Young People's Scrutiny Committee every quarter.

* Cllr Penhale said the investment would be funded from the risk reserve in 2024-25 and built
into the base budget from 2025-26.

ACTION: Ms Haddad to circulate the final Priority Action Plan to all Members of the council by
27 September 2024.

ACTION: Ms Haddad to report progress against the Priority Action Plan to the Children and
Young People's Scrutiny Committee every quarter, starting in October 2024.

RESOLVED that Cabinet:

> (a) notes the findings of the area SEND inspection of the Fernleigh local area partnership
published on 26 July 2024;

> (b) approves the Priority Action Plan at Appendix A for submission to Ofsted and the Care
Quality Commission by 8 October 2024;

> (c) approves additional investment of £3.2 million in 2024-25 and £4.5 million in 2025-26 to
deliver the Priority Action Plan;

> (d) agrees to establish a SEND Improvement Board with an independent chair, reporting to the
Leader and the Cabinet Member for Children, Young People and Education; and

> (e) delegates authority to the Corporate Director Children, Young People and Education, in
consultation with the Cabinet Member, to make minor changes to the plan before submission.

Chair's summary: The Chair said the inspection findings were a hard message that the council
had to hear. The Cabinet's priority was to make sure that families saw a real difference
within a year, and she would expect the monitoring inspection to find clear progress on both
areas for priority action.

## 124. 24/00061 - Holtmoor Relief Road: Outline Business Case

(Item 7)

Cllr Ashdown introduced the report, which sought approval to submit the outline business case
for the Holtmoor Relief Road to the Department for Transport, as required by decision 24/00016
on the Integrated Transport Plan.

Minutes:

* The estimated cost of the scheme was £86.4 million. The council would ask the Department for
Transport for £72.1 million, and the local contribution of £14.3 million would include £6.0
million of developer contributions.

* The business case showed a benefit cost ratio of 2.4, which the Department regards as high
value for money.

* Members asked about the risk of cost increases. Mr Buckley said the estimate included a
risk allowance of 18 per cent and that the council's contribution would be capped unless
Cabinet agreed otherwise.

RESOLVED that Cabinet:

> (a) approves the submission of the outline business case for the Holtmoor Relief Road to the
Department for Transport by 30 September 2024; and

> (b) agrees to include a local contribution of £14.3 million in the capital programme, subject
to the Department for Transport approving the business case.

The meeting closed at 12.35 pm.
"""

DOCS = [
    Doc(
        "cabinet/2024-09-19/Printed minutes 19th-Sep-2024 10.00 Cabinet.pdf",
        "pdf",
        "Printed minutes 19th-Sep-2024 10.00 Cabinet",
        MINUTES,
        created=fixed_time(2024, 9, 27),
    ),
]
