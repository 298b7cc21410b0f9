"""Children and Young People's Scrutiny Committee: 8 Oct 2024 and 29 Apr 2025 (TXT extracts)."""

from __future__ import annotations

from .model import Doc
from .scrutiny_2025_11 import DOC as NOVEMBER_2025

FOLDER = "children-and-young-peoples-scrutiny-committee"

OCTOBER_2024 = """
Agenda item

Area SEND Inspection - Outcome and Priority Action Plan

Minutes:

The Committee considered a report of the Director of Education and SEND on the outcome of the
area SEND inspection of the Fernleigh local area partnership, carried out by Ofsted and the
Care Quality Commission from 10 to 14 June 2024, and the Priority Action Plan approved by
Cabinet on 19 September 2024. Ms L Haddad (Director of Education and SEND) and Dr A Sorensen
(Chief Nursing Officer, NHS Fernleigh and Wenvale ICB) attended, with Mrs K Ashby, Co-Chair of
the Fernleigh Parent Carer Forum.

The Committee discussed the report and comments were made, including:

* The Chair, Cllr J Rowe, said the findings were the most serious the Committee had received
and that members would hold the partnership to account for every target in the plan.

* Mrs Ashby said that families welcomed the plan but wanted to see changes on the ground, and
that many parents still did not know who to contact when a plan was late.

* Cllr A Hassan asked how long children in different parts of the county were waiting for a
neurodevelopmental assessment, as residents in the south of the county reported longer waits.
Dr Sorensen said the ICB could provide figures for each district. The Committee asked for a
breakdown of neurodevelopmental waiting times by district. ACTION

* In response to a question from Cllr M Ellery, Ms Haddad confirmed that 14 of the 18
additional EHC coordinators had been recruited and that the remaining four posts would be
filled by December 2024.

* Cllr B Kemp asked for members to see the views of children and young people themselves. It
was agreed that the Fernleigh Youth Forum would be invited to give evidence to the task and
finish group. ACTION

* Members noted that the Priority Action Plan had been submitted to Ofsted and CQC on 4
October 2024, ahead of the deadline of 8 October 2024.

The Chair summarised the discussion as follows:

* Waiting times for neurodevelopmental assessments and speech and language therapy

* Timeliness of EHC plans and the backlog of annual reviews

* Communication with families

* How the Committee would track progress between now and the monitoring inspection

RESOLVED that the Committee:

> (a) notes the outcome of the area SEND inspection and the Priority Action Plan;

> (b) establishes a SEND Task and Finish Group of five members, chaired by Cllr B Kemp, to
examine communication with families and report back by April 2025; and

> (c) will receive a progress report on the Priority Action Plan at every meeting until the
monitoring inspection.

Supporting documents:

* Area SEND Inspection - Outcome and Priority Action Plan, item 5, PDF 1 MB

* Appendix A - Priority Action Plan, item 5, PDF 2 MB
"""

APRIL_2025 = """
Agenda item

SEND Priority Action Plan - Progress Report and SEND Task and Finish Group Report

Minutes:

Ms L Haddad (Director of Education and SEND) presented the third quarterly progress report on
the SEND Priority Action Plan, and Cllr B Kemp presented the report of the SEND Task and Finish
Group. Dr A Sorensen attended for NHS Fernleigh and Wenvale ICB.

The Committee was informed that:

* 58 per cent of new EHC plans had been issued within 20 weeks in the quarter January to March
2025, compared with 31 per cent in 2023.

* The backlog of overdue annual reviews had fallen from 2,310 in September 2024 to 960 at the
end of March 2025.

* The average wait for a neurodevelopmental assessment was 81 weeks, down from 98 weeks at the
time of the inspection, and the average wait for a first speech and language therapy
appointment was 33 weeks.

* In response to the Committee's request in October 2024, Dr Sorensen presented the
breakdown of neurodevelopmental waiting times by district. Waits were longest in Wenmouth, at
an average of 112 weeks, and shortest in Ashcombe, at 64 weeks. The difference was mainly due
to the loss of two paediatricians at Wenmouth Community Hospital in 2023.

The Committee discussed the report and comments were made, including:

* Cllr J Rowe said the progress on EHC plans was welcome but that waiting times for
neurodevelopmental assessments were falling too slowly to meet the target of under 52 weeks by
March 2026. Dr Sorensen accepted that the target was at risk.

* Cllr Kemp said the Task and Finish Group had heard from 64 parents and carers and 19 young
people. Its main finding was that families did not know who to contact and waited too long for
replies. The group made seven recommendations, including a single SEND contact point for
families, a reply to every enquiry within five working days, and a named officer for every
child waiting for an EHC needs assessment.

* Cllr A Hassan asked what would be done for families in Wenmouth. Dr Sorensen said a visiting
assessment team would run clinics in Wenmouth from June 2025. ACTION: Dr Sorensen to provide
the Committee with a trajectory for neurodevelopmental waiting times in each district by its
next meeting.

* Members noted that the monitoring inspection was expected in the autumn of 2025.

RESOLVED that the Committee:

> (a) notes the progress made against the SEND Priority Action Plan;

> (b) endorses the report and seven recommendations of the SEND Task and Finish Group and
refers them to the Cabinet Member for Children, Young People and Education for a response
within two months; and

> (c) asks the Health Overview and Scrutiny Committee to consider the neurodevelopmental
pathway at its next meeting.

Supporting documents:

* SEND Priority Action Plan - Quarter 3 Progress Report, item 6, PDF 890 KB

* SEND Task and Finish Group - Final Report, item 6, PDF 1 MB
"""

DOCS = [
    Doc(
        f"{FOLDER}/2024-10-08/"
        "Minutes - Area SEND Inspection - Outcome and Priority Action Plan.txt",
        "txt",
        "Area SEND Inspection - Outcome and Priority Action Plan",
        OCTOBER_2024,
    ),
    Doc(
        f"{FOLDER}/2025-04-29/Minutes - SEND Priority Action Plan - Progress Report.txt",
        "txt",
        "SEND Priority Action Plan - Progress Report and SEND Task and Finish Group Report",
        APRIL_2025,
    ),
    NOVEMBER_2025,
]
