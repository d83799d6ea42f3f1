"""English texts for the themes and items that 0002_content loaded (issue 15 §5).

A text gets its English only while it is still the text 0002 wrote and its English field is
empty: when the inhoudsbeheerder has changed the Dutch, a translation of the old Dutch would be
wrong, so the English stays empty (visitors then see the Dutch) until the editor writes it.
Running it again changes nothing. The reverse keeps the data.
"""

import importlib

from django.db import migrations

THEMES_EN = {
    "voeding": (
        "Food",
        "What you eat and drink shows in your work. Good food gives you energy, also when your hours are "
        "irregular. Here you read how to go about it, night shifts included.",
    ),
    "slaap": (
        "Sleep",
        "Sleeping well helps you stay sharp and process intense events. With shifts and tension that is not "
        "always easy. Here you find tips that help.",
    ),
    "beweging": (
        "Exercise",
        "Moving is good for your body and your mind. It helps against stress and you sleep better. You do not "
        "need to be an athlete: every bit of movement counts.",
    ),
    "beeldschermwerk": (
        "Screen work",
        "Do you spend a lot of time at a screen? Then your neck, shoulders, arms or eyes may start to hurt. A "
        "good workstation and short breaks prevent many complaints.",
    ),
    "werkstress": (
        "Work stress",
        "Pressure is sometimes part of the job. But when the tension lasts, you wear out. Here you read how to "
        "recognise stress and what you can do about it.",
    ),
    "ongewenste-omgangsvormen": (
        "Unacceptable behaviour",
        "Bullying, intimidation, discrimination or sexual harassment are not part of your job. Does it happen "
        "to you, or do you see it happen? You are not on your own.",
    ),
    "ptss": (
        "PTSD",
        "In the police you go through intense events more often than in many other jobs. Usually you process "
        "them yourself, with support from colleagues and people at home. Sometimes the complaints stay. Then it "
        "may be post-traumatic stress disorder (PTSD). Asking for help in time makes a difference.",
    ),
}

ITEMS_EN = {
    ("voeding", "eten-bij-onregelmatige-diensten"): (
        "Eating well on irregular shifts",
        "How to keep your energy when you work at changing times.",
        "Do you work shifts or nights? Then you often eat at odd times. Your body is not made for that. Still, "
        "there is a lot you can do to feel fit.\n\n"
        "Eat three times a day at fixed moments, even when your shift changes. Eat something before your shift "
        "starts and take something healthy with you, such as bread, fruit, nuts or a pot of yoghurt.\n\n"
        "At night, eat light. A heavy meal in the middle of the night makes you drowsy. Choose something small, "
        "such as soup or a sandwich.\n\n"
        "Drink enough water. Coffee or energy drinks keep you going for a while, but afterwards you are often "
        "extra tired. Stop drinking coffee a few hours before you go to sleep.",
    ),
    ("voeding", "bord-in-drie-delen"): (
        "Your plate in three parts",
        "Two minutes: look at your next meal differently.",
        "Time: 2 minutes.\n\n"
        "At your next meal, look at your plate. Divide it into three parts in your mind.\n\n"
        "1. Fill half with vegetables or salad.\n"
        "2. Fill a quarter with something that keeps you full for a long time, such as wholemeal pasta, "
        "potatoes or brown rice.\n"
        "3. Fill the last quarter with fish, chicken, beans, egg or tofu.\n\n"
        "Does it not work out completely? No problem. Pick one part you want to do better this week.",
    ),
    ("voeding", "bakje-eten-van-thuis"): (
        "A lunch box from home",
        "Example story of an officer in emergency response.",
        "I have worked in emergency response for twelve years. On night shifts I often got something from the "
        "vending machine. Crisps, a chocolate bar, a can of energy drink. By four in the morning I was "
        "completely worn out.\n\n"
        "A colleague always brought a box of food from home. I tried it once. I cooked some extra pasta with "
        "vegetables and took it along. At first it felt like a hassle.\n\n"
        "After a few weeks I noticed a difference. I was less tired at the end of the shift and I slept better "
        "afterwards. Now I almost always do it. If I forget, I take fruit instead of crisps.",
    ),
    ("slaap", "slapen-na-een-nachtdienst"): (
        "Sleeping better after a late or night shift",
        "Why it is hard to fall asleep after your shift, and what helps.",
        "After a late or night shift you are often tired, yet you cannot sleep. Your head is still full. That "
        "is very normal.\n\n"
        "Make a fixed routine for after your shift. Do roughly the same each time: a shower, something small to "
        "eat, sitting quietly for a while. That way your body learns it is time to sleep.\n\n"
        "Make your bedroom dark, quiet and cool. Use a sleep mask or earplugs if needed. Put your phone away: "
        "the light of the screen keeps you awake.\n\n"
        "Have you slept badly for a few weeks? Or do you lie awake because of what you went through? Talk about "
        "it with someone you trust, or contact the Veilig en Gezond Werken team.",
    ),
    ("slaap", "ademen-in-vier-tellen"): (
        "Breathing in four counts",
        "Three minutes: a breathing exercise to calm down before sleep.",
        "Time: 3 minutes. Do this exercise in bed or in a quiet place.\n\n"
        "1. Lie or sit comfortably. Put a hand on your belly.\n"
        "2. Breathe in calmly through your nose and count to four.\n"
        "3. Hold your breath briefly and count to two.\n"
        "4. Breathe out slowly through your mouth and count to six.\n"
        "5. Do this ten times. Does your mind wander? Calmly go back to counting.\n\n"
        "Breathing out longer than you breathe in helps your body relax.",
    ),
    ("slaap", "weer-doorslapen"): (
        "Sleeping through the night again",
        "Example story about sleep after a run of night shifts.",
        "After a run of night shifts I only slept a few hours at a time. I lay worrying about calls from that "
        "night. During the day I was irritable, and at home they noticed too.\n\n"
        "My manager saw I was tired and asked how I was doing. That conversation already helped. I started to "
        "pay attention to what I did after my shift. I always spent a long time on my phone. Now I switch it "
        "off, take a shower and do the breathing exercise.\n\n"
        "It did not get better all at once. But after a few weeks I slept longer again. And now I know: if it "
        "does not work, I can ask for help.",
    ),
    ("beweging", "meer-bewegen"): (
        "Moving more, even on a busy day",
        "Short bits of exercise count too.",
        "A lot of police work needs good fitness. But even if you sit a lot, in the car or at a computer, "
        "moving matters. The advice for adults: be active for at least two and a half hours a week, spread over "
        "several days. On top of that, do something for your muscles twice a week.\n\n"
        "That sounds like a lot, but short bits count. Take the stairs. Cycle to work if you can. Walk a round "
        "in your break.\n\n"
        "The police has Fit@NP, a programme to work on your physical and mental fitness. Ask in your unit how to "
        "join. Are you in pain or injured? Then talk to the occupational physician or a physiotherapist first "
        "before you do more.",
    ),
    ("beweging", "vijf-minuten-bewegen"): (
        "Five minutes on the move",
        "Five minutes: a short routine you can do anywhere.",
        "Time: 5 minutes. You need nothing.\n\n"
        "1. Walk on the spot for a minute. Lift your knees well.\n"
        "2. Bend your knees ten times as if you are about to sit down, and come back up.\n"
        "3. Put your hands against a wall and push yourself away calmly ten times.\n"
        "4. Roll your shoulders backwards ten times.\n"
        "5. Walk on the spot for another minute and breathe out calmly.\n\n"
        "Does a movement hurt? Then stop that movement.",
    ),
    ("beweging", "klein-beginnen"): (
        "Starting small with running",
        "Example story about getting moving again after an injury.",
        "After an injury I had not done any sport for a long time. I gained weight and had little energy. I "
        "dreaded the physical test.\n\n"
        "A colleague asked if I wanted to join a group that went walking after the shift. Only walking at "
        "first, later running a bit now and then. Together it was much easier to keep going.\n\n"
        "Now I run twice a week. I feel fitter and after running my head is calmer. What I mainly learned: "
        "starting small is fine.",
    ),
    ("beeldschermwerk", "werkplek-instellen"): (
        "How to set up your workstation",
        "Chair, screen and breaks: how to prevent complaints.",
        "A good workstation prevents many complaints. Take a few minutes to set everything up properly, also at "
        "a flexible desk or at home.\n\n"
        "Set your chair so your feet are flat on the floor. Your knees are at roughly a right angle. Put the top "
        "of your screen at eye level, an arm's length away. Working on a laptop? Then use a separate keyboard, a "
        "mouse and a laptop stand.\n\n"
        "Alternate sitting and standing. Every half hour, look away from your screen at something far away. "
        "That relaxes your eyes.\n\n"
        "Do complaints stay, such as pain or tingling in your arm? Do not wait too long. Discuss it with your "
        "manager or contact the occupational physician.",
    ),
    ("beeldschermwerk", "nek-en-ogen-ontspannen"): (
        "Relax your neck and eyes",
        "Two minutes at your desk.",
        "Time: 2 minutes. You can do this at your desk.\n\n"
        "1. Look at a point far away for twenty counts, for example outside.\n"
        "2. Drop your shoulders. Slowly pull them up five times and let them fall again.\n"
        "3. Tilt your head calmly towards your right shoulder and count to ten. Then do the same to the left.\n"
        "4. Stretch your arms out in front of you and spread your fingers. Then make a fist five times.\n"
        "5. Blink a few times.\n\n"
        "Set a reminder in your calendar. Then you remember to do this a few times a day.",
    ),
    ("beeldschermwerk", "pijn-in-mijn-pols"): (
        "Pain in my wrist",
        "Example story of a colleague who works at a laptop a lot.",
        "I work in a department where we write a lot of reports. I sat at my laptop all day, often at the "
        "kitchen table. After a few months my wrist and neck started to hurt.\n\n"
        "At first I thought it would go away by itself. When it got worse, I went to the occupational physician. "
        "I got tips for my workstation, a separate keyboard and a mouse. My laptop now stands higher.\n\n"
        "I also take short breaks more often. The pain is almost gone. I wish I had said something sooner.",
    ),
    ("werkstress", "stress-herkennen"): (
        "Recognising stress before it gets too much",
        "Signs of too much stress and what to do then.",
        "A bit of tension helps you stay sharp. But if the pressure stays high and you can no longer recover, "
        "stress can make you ill.\n\n"
        "Watch for signs. Do you sleep badly? Are you quicker to anger, or low? Do you often have headaches, or "
        "make more mistakes than usual? Do others say you have changed? Then it may be getting too much.\n\n"
        "Talk about it in time, with a colleague, your manager or someone at home. Look together at what could "
        "change in your work. Plan moments when you really relax, for example by exercising or doing something "
        "you enjoy.\n\n"
        "The mental fitness self-test shows you anonymously how you are doing now. Does the stress stay? Then "
        "contact the Veilig en Gezond Werken team or the company social worker.",
    ),
    ("werkstress", "stoplicht-check"): (
        "The traffic light check",
        "Three minutes at the end of your shift.",
        "Time: 3 minutes. Do this at the end of your shift.\n\n"
        "1. Ask yourself: how do I feel now? Green (calm), orange (tense) or red (worn out)?\n"
        "2. Write down one thing that gave you energy today.\n"
        "3. Write down one thing that cost you energy today.\n"
        "4. Think of one small step for tomorrow. For example: take your break on time, or ask a colleague for "
        "something.\n\n"
        "Have you often been on orange or red for a few weeks? Then it is time to talk about it.",
    ),
    ("werkstress", "alles-zelf-oplossen"): (
        "I wanted to solve everything myself",
        "Example story about a new job and taking on too much.",
        "I had a new job and wanted to do it well. I kept working in my free time and read my email in the "
        "evening. After a few months I slept badly and got irritated quickly.\n\n"
        "One day I forgot an important appointment. That shocked me. I told my manager. Together we looked at "
        "what could be dropped and what a colleague could take over.\n\n"
        "I also went to the company social worker a few times. There I learned to raise the alarm earlier. "
        "Things are much better now.",
    ),
    ("ongewenste-omgangsvormen", "wat-kun-je-doen"): (
        "What can you do about unacceptable behaviour?",
        "Your options in a row, and who can help you.",
        "Unacceptable behaviour is behaviour that makes you or someone else feel unsafe, hurt or humiliated. "
        "Think of jokes about someone's background, being left out again and again, shouting or unwanted "
        "touching. Whether it was meant that way does not matter. What matters is what it does to you.\n\n"
        "You can name the behaviour to the person, if you feel safe doing so. You can also go to your manager. "
        "Don't you dare, or is it about your manager? Then go to a confidential adviser. They listen, think "
        "along and help you choose what you want to do. You decide which step you take.\n\n"
        "Write down what happened, when and who was there. That helps if you want to take a step later.",
    ),
    ("ongewenste-omgangsvormen", "oefen-wat-je-wilt-zeggen"): (
        "Practise what you want to say",
        "Five minutes: prepare a difficult conversation.",
        "Time: 5 minutes. Take pen and paper or the notes on your phone.\n\n"
        "1. Write down what happened. Only the facts: what did you see or hear?\n"
        "2. Write down what it did to you. Start with: 'I felt …'.\n"
        "3. Write down what you want. For example: 'I want you to stop that.'\n"
        "4. Read the three sentences out loud. Change them until they feel right.\n\n"
        "You do not have to have the conversation alone. A confidential adviser can help you prepare it.",
    ),
    ("ongewenste-omgangsvormen", "grapjes-die-geen-grapjes-waren"): (
        "Jokes that were no longer jokes",
        "Example story about going to a confidential adviser.",
        "In my team people often made jokes about my background. Everyone laughed, so I laughed along. But I "
        "dreaded my shifts more and more.\n\n"
        "I called a confidential adviser. She listened and asked what I wanted myself. I did not want to file a "
        "complaint, but I did want it to stop. Together we worked out how I could raise it with my team "
        "leader.\n\n"
        "The conversation was tense. My team leader took it seriously and discussed it in the team. Not "
        "everyone liked that, but the jokes stopped. I am glad I said something.",
    ),
    ("ptss", "wat-is-ptss"): (
        "What is PTSD and when do you ask for help?",
        "Normal reactions after an intense incident, and when it is more.",
        "After a shocking event it is normal to be busy with it for a while. You sleep worse, you see images "
        "again or you startle easily. For most people these complaints lessen after a few weeks.\n\n"
        "Do the complaints last longer than a month? Or do they get worse? Then it may be PTSD. Other signs "
        "are: avoiding places or situations that remind you of the incident, feeling flat or shut off, and "
        "being quickly angry or tense. PTSD can also start months or years later.\n\n"
        "Talk about it. After an intense incident you can go to the Team Collegiale Ondersteuning (peer "
        "support): colleagues who know what the work is like. The unit psychologist and the occupational "
        "physician look with you at what you need. Do you (perhaps) have PTSD because of your work? Through the "
        "Zorglijn PTSS you quickly reach specialised trauma care.\n\n"
        "PTSD can be treated well. The sooner you ask for help, the better.",
    ),
    ("ptss", "terug-naar-het-hier-en-nu"): (
        "Back to the here and now",
        "Three minutes: when images or tension overwhelm you.",
        "Time: 3 minutes. This exercise helps when images or tension overwhelm you.\n\n"
        "1. Name five things you see.\n"
        "2. Name four things you feel, such as your feet on the floor or your back against the chair.\n"
        "3. Name three things you hear.\n"
        "4. Name two things you smell.\n"
        "5. Name one thing you taste.\n\n"
        "Then breathe out calmly three times. This exercise is not a treatment. Do the images come back often? "
        "Then ask for help.",
    ),
    ("ptss", "het-ongeval-bleef-terugkomen"): (
        "The accident kept coming back",
        "Example story about complaints that only came months later.",
        "A few years ago I was first at the scene of a serious accident. I did my job and thought I was fine. "
        "Months later I started having nightmares. I avoided driving past that place and I startled at loud "
        "noises.\n\n"
        "At home they said I had changed. A colleague from the Team Collegiale Ondersteuning called me and "
        "asked how I was really doing. Then I dared to tell.\n\n"
        "Through the unit psychologist I got treatment at a trauma centre. That was hard, but it helped. I am "
        "back at work and the nightmares are almost gone. My tip: do not wait as long as I did.",
    ),
    ("ptss", "ptss-voor-leidinggevenden"): (
        "PTSD in your team: what do you do as a manager?",
        "Seeing the signs, starting the conversation and showing the way.",
        "As a manager you are often the first to see that someone changes. You can make the difference by "
        "seeing signs in time and starting the conversation.\n\n"
        "Watch for changes. Someone calls in sick more often, avoids certain calls, is irritable, withdraws or "
        "makes more mistakes. That can happen right after an intense incident, but also much later.\n\n"
        "Start a conversation and ask how things really are. You do not need a solution and you do not make a "
        "diagnosis. Listen, show that asking for help is normal and point the way: the Team Collegiale "
        "Ondersteuning, the unit psychologist or the occupational physician.\n\n"
        "After every drastic incident, make sure there is support, and come back to it later. Complaints "
        "sometimes only come after weeks or months.\n\n"
        "Want to know more? There is an information tool on PTSD for managers, with tips to prevent PTSD and to "
        "guide colleagues with PTSD. You can ask the unit psychologist for the briefing 'PTSS en wat nu…?' for "
        "your team. The Veilig en Gezond Werken team of your unit also thinks along with you.",
    ),
}


def load(apps, schema_editor):
    """Fill the English of 0002's texts that are unchanged and not yet translated."""
    HealthTheme = apps.get_model("healththemes", "HealthTheme")
    ThemeItem = apps.get_model("healththemes", "ThemeItem")
    original = importlib.import_module("healththemes.migrations.0002_content").THEMES
    for data in original:
        theme = HealthTheme.objects.filter(slug=data["slug"]).first()
        if theme is None:
            continue
        name_en, intro_en = THEMES_EN[data["slug"]]
        changed = []
        if not theme.name_en and theme.name == data["name"]:
            theme.name_en = name_en
            changed.append("name_en")
        if not theme.intro_en and theme.intro == data["intro"]:
            theme.intro_en = intro_en
            changed.append("intro_en")
        if changed:
            theme.save(update_fields=changed)
        for item_data in data["items"]:
            item = ThemeItem.objects.filter(theme=theme, slug=item_data["slug"]).first()
            if item is None:
                continue
            english = dict(zip(("title", "summary", "body"), ITEMS_EN[(data["slug"], item_data["slug"])]))
            changed = []
            for field, text in english.items():
                if not getattr(item, f"{field}_en") and getattr(item, field) == item_data[field]:
                    setattr(item, f"{field}_en", text)
                    changed.append(f"{field}_en")
            if changed:
                # update_fields leaves updated_at alone: the Dutch the visitor reads did not change.
                item.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [
        ("healththemes", "0003_translations"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop, elidable=False),
    ]
