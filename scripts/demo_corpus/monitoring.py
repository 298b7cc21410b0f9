"""Area SEND monitoring inspection letter, September 2025 visit, published 17 October 2025."""

from __future__ import annotations

from .model import Doc
from .render import fixed_time

LETTER = """
Ofsted and Care Quality Commission

17 October 2025

Simon Achebe, Director of Children's Services, Fernleigh County Council

Daniel Okonjo, Chief Executive, NHS Fernleigh and Wenvale Integrated Care Board

Dear Mr Achebe and Mr Okonjo

# Area SEND monitoring inspection of Fernleigh Local Area Partnership

Monitoring inspection dates: 15 to 17 September 2025

Date of full inspection: 10 to 14 June 2024

From 15 to 17 September 2025, Ofsted and the Care Quality Commission (CQC) carried out a
monitoring inspection of the Fernleigh local area partnership. Its purpose was to evaluate the
progress the partnership has made against the two areas for priority action identified at the
full inspection in June 2024, when inspectors found widespread and/or systemic failings.

Inspectors met children and young people, parents and carers, leaders and practitioners from
the council and the integrated care board (ICB), and representatives of the Fernleigh Parent
Carer Forum. They reviewed the records of 28 children and young people and considered 947
responses to a survey of parents and carers.

## Summary of findings

The local area partnership has made strong progress in improving the timeliness of EHC needs
assessments and has made some progress in the quality of EHC plans. Waiting times for speech
and language therapy have fallen considerably. However, progress in reducing waiting times for
neurodevelopmental assessments has been too slow, and too many children and families still
wait too long without enough support.

## Area for priority action 1: timeliness of EHC needs assessments and quality of EHC plans

Leaders have acted decisively on this area for priority action. The additional EHC
coordinators and educational psychologists recruited since October 2024 have increased the
capacity of the SEND service. In the 12 months to August 2025, 68% of new EHC plans were issued
within 20 weeks, compared with 31% in 2023. This is above the partnership's own target of 60%
by September 2025.

Annual reviews are now more timely. 61% of annual reviews were completed within statutory
timescales in the year to August 2025, up from 38% at the time of the full inspection. The
backlog of overdue reviews has been cleared for children moving between phases of education.

The quality of EHC plans is improving but remains variable. Of the recently issued plans that
inspectors sampled, just over half described children's needs precisely and set clear
outcomes. Contributions from social care are still missing from some plans.

Inspectors judged that the partnership has made sufficient progress against this area for
priority action.

---page---

## Area for priority action 2: waiting times for neurodevelopmental assessments and speech
and language therapy

Waiting times for speech and language therapy have reduced considerably. The average wait from
referral to a first appointment is now 26 weeks, compared with 41 weeks at the time of the full
inspection, because the ICB has commissioned additional therapists and introduced group
sessions for families.

Progress in reducing waiting times for neurodevelopmental assessments has been too slow. The
average wait is now 74 weeks, compared with 98 weeks at the full inspection, and more than 1,900
children and young people are on the waiting list. Waits remain longest in the Wenmouth area.
The partnership's target of an average wait of under 52 weeks by March 2026 is unlikely to be
met.

The 'waiting well' hub launched in January 2025 gives families useful advice, and 1,240
families have used it. However, many parents told inspectors that they did not receive any
contact from health services between referral and assessment.

Inspectors judged that the partnership has not made sufficient progress against this area for
priority action in relation to neurodevelopmental assessments.

## Areas for improvement

Leaders have improved communication with families. A single SEND contact point was introduced
in February 2025 and 87% of enquiries now receive a reply within five working days. Parents
and carers told inspectors that they find it easier to get an answer.

Leaders have not made enough progress in strengthening their oversight of alternative
provision. A register of unregistered providers was only completed in July 2025, and leaders
could not yet show that all children in unregistered provision receive a suitable full-time
education.

## Next steps

The local area partnership should update its priority action plan to reflect the findings of
this monitoring inspection, with particular attention to neurodevelopmental assessments and
alternative provision, and submit it to Ofsted and CQC within 30 working days of receiving
this letter.

The next full reinspection will take place within approximately three years of the full
inspection in June 2024, in line with the area SEND inspection framework. Ofsted and CQC may
bring this forward if the partnership does not make the progress needed.

Yours sincerely

Helen Marsh-Tully, His Majesty's Inspector

Aisha Rahman, CQC lead inspector
"""

DOCS = [
    Doc(
        "inspections/area-send/area send monitoring inspection - 17 october 2025.pdf",
        "pdf",
        "Area SEND monitoring inspection of Fernleigh Local Area Partnership",
        LETTER,
        created=fixed_time(2025, 10, 17),
        footer="Area SEND monitoring inspection: Fernleigh Local Area Partnership",
        extra={"author": "Ofsted and Care Quality Commission"},
    ),
]
