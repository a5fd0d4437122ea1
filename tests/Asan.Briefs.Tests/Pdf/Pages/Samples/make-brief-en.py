# Regenerates brief.en.xml (a page-engine test sample) from the seed text: python3 make-brief-en.py
# Paragraphs of the seed with notes, a list, a quote, a figure and a 30-row table added at fixed places.
import re, html
lines = open(__import__('os').path.join(__import__('os').path.dirname(__file__), '../../../../../../shared/seed/asan-issue-brief-korea-japan.en.txt')).read().split('\n')
paras=[]; cur=[]
for l in lines:
    s=l.strip()
    if not s:
        if cur: paras.append(' '.join(cur)); cur=[]
        continue
    if re.match(r'^\d\. ', s):
        if cur: paras.append(' '.join(cur)); cur=[]
        paras.append(s); continue
    cur.append(s)
    if len(l) < 80: paras.append(' '.join(cur)); cur=[]
if cur: paras.append(' '.join(cur))
def esc(s): return html.escape(s, quote=False)
out=[]; note_n=0
for i,p in enumerate(paras):
    if re.match(r'^\d\. ', p):
        out.append(f'    <h level="1" id="sec{p[0]}">{esc(p)}</h>'); continue
    body=esc(p)
    if i in (1,5,6,10,12):
        note_n+=1
        long = ' More detail: ' + ' '.join(['The survey asked respondents about trust, security cooperation and trade.']*(6 if note_n==4 else 0))
        body=re.sub(r'\. ', '.<note id="n%d" mark="%d"><p>Survey%d: see the Asan Institute for Policy Studies, “Korea-Japan Relations &amp; Public Opinion,” Seoul, 2022, and the sources it cites; the figures &lt;rounded&gt; are from a survey of March 2022.%s</p></note> ' % (note_n,note_n,note_n,long), body, count=1)
    out.append(f'    <p>{body}</p>')
    if i==2:
        out.append('''    <list kind="unordered">
      <item marker="•"><p>Resolve the forced labor issue through a fund that both governments and companies can accept.</p></item>
      <item marker="•"><p>Restore shuttle diplomacy between the leaders, with regular summits at least once a year.</p>
        <list kind="ordered"><item marker="a."><p>A nested point, indented further.</p></item><item marker="b."><p>Another nested point with <em>emphasis</em> and <strong>strong</strong> text.</p></item></list></item>
      <item marker="•"><p>Rebuild trust through exchanges of young people, local governments and civil society.</p></item>
    </list>''')
    if i==5:
        out.append('''    <quote><p>“Improving Korea-Japan relations is an urgent matter, it cannot be delayed any longer.”</p></quote>''')
        out.append('    <h level="2" id="sub1">1.1 A second-level heading</h>')
    if i==9:
        out.append('''    <figure src="{FIGURE}" alt="Trade between Korea and Japan" width="80%"><caption>Figure 1. Korea-Japan trade, 2012–2021</caption><credit>Source: Korea International Trade Association. Visit <a href="https://www.kita.org/">kita.org</a>.</credit></figure>''')
    if i==11:
        rows=['      <row header="true"><cell>Issue</cell><cell>Korea</cell><cell>Japan</cell><cell align="right">Year</cell></row>']
        for k in range(30):
            rows.append(f'      <row><cell>Dispute number {k+1} &amp; its &lt;history&gt;</cell><cell>Position of the Korean government, stated at length</cell><cell>“Resolved” by the 1965 agreement</cell><cell align="right">{1965+k}</cell></row>')
        out.append('    <table>\n'+'\n'.join(rows)+'\n    </table>')
body='\n'.join(out)
doc=f'''<?xml version="1.0" encoding="utf-8"?>
<document lang="en">
  <info title="The New Korean Government’s Diplomatic Tasks for Improving Korea-Japan Relations" author="Choi Eunmi" subject="Asan Issue Brief" keywords="Korea, Japan, diplomacy" creator="Asan Briefs" created="2022-04-29T09:00:00+09:00" modified="2022-04-29T09:00:00+09:00"/>
  <page width="210mm" height="297mm" margin-top="24mm" margin-bottom="24mm" margin-left="24mm" margin-right="24mm" header-offset="12mm" footer-offset="12mm" note-gap="12pt" note-rule-width="40mm"/>
  <header skip-first-page="true" rule="0.4pt">
    <slot align="left" style="header">Asan Issue Brief</slot>
    <slot align="right" style="header">The New Korean Government’s Diplomatic Tasks</slot>
  </header>
  <footer skip-first-page="false">
    <slot align="center" style="footer"><page-number/> / <page-count/></slot>
  </footer>
  <flow>
    <group role="cover" keep-together="true">
      <p style="series">ISSUE BRIEF</p>
      <p style="meta">April 29, 2022 · Asan Institute for Policy Studies &amp; “friends” &lt;test&gt; 'quoted'</p>
      <h level="1" style="title" outline="false" id="title">The New Korean Government’s Diplomatic Tasks for Improving Korea-Japan Relations</h>
      <p style="author">Choi Eunmi</p>
      <p style="affiliation">Research Fellow, The Asan Institute for Policy Studies</p>
    </group>
{body}
  </flow>
</document>
'''
open('brief.en.xml','w').write(doc)
