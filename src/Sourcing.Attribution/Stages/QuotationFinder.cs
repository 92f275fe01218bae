using Sourcing.Attribution.Model;

namespace Sourcing.Attribution.Stages;

/// <summary>
/// Pairs quotation marks: curly and straight, double and single (British style), nested,
/// and quotations that run into the next paragraph when it opens with a new mark. An
/// unbalanced mark is dropped at the end of its paragraph. Then every token learns the
/// innermost quotation that holds it.
/// </summary>
internal static class QuotationFinder
{
    public static void Find(Document doc)
    {
        var t = doc.Tokens;
        var f = doc.Folded;
        var found = new List<(int Open, int Close)>();
        int dOpen = -1, sOpen = -1;
        for (var i = 0; i < t.Length; i++)
        {
            if (t[i].Kind == TokenKind.LineBreak)
            {
                sOpen = -1;
                if (dOpen >= 0)
                {
                    var next = i + 1;
                    if (next < t.Length && t[next].Mark is QuoteMarkKind.DoubleOpen or QuoteMarkKind.DoubleAmbiguous)
                    {
                        i = next; // the quotation continues in the next paragraph
                    }
                    else
                    {
                        dOpen = -1;
                    }
                }
                continue;
            }
            if (t[i].Kind != TokenKind.QuoteMark)
            {
                continue;
            }
            var before = t[i].Start > 0 ? f[t[i].Start - 1] : ' ';
            var after = t[i].End < f.Length ? f[t[i].End] : ' ';
            switch (t[i].Mark)
            {
                case QuoteMarkKind.DoubleOpen:
                    dOpen = i;
                    sOpen = -1;
                    break;
                case QuoteMarkKind.DoubleClose:
                    if (dOpen >= 0)
                    {
                        found.Add((dOpen, i));
                        dOpen = -1;
                        sOpen = -1;
                    }
                    break;
                case QuoteMarkKind.DoubleAmbiguous:
                    if (dOpen >= 0)
                    {
                        found.Add((dOpen, i));
                        dOpen = -1;
                        sOpen = -1;
                    }
                    else
                    {
                        dOpen = i;
                    }
                    break;
                case QuoteMarkKind.SingleOpen:
                    if (!char.IsLetter(before))
                    {
                        sOpen = i;
                    }
                    break;
                case QuoteMarkKind.SingleClose:
                case QuoteMarkKind.SingleAmbiguous:
                    if (sOpen >= 0 && !IsSpace(before) && !char.IsLetterOrDigit(after))
                    {
                        found.Add((sOpen, i));
                        sOpen = -1;
                    }
                    else if (t[i].Mark == QuoteMarkKind.SingleAmbiguous && sOpen < 0 && IsSpaceOrOpen(before) && char.IsLetterOrDigit(after))
                    {
                        sOpen = i;
                    }
                    break;
            }
        }
        found.Sort((a, b) => a.Open != b.Open ? a.Open.CompareTo(b.Open) : b.Close.CompareTo(a.Close));
        var enclosing = new Stack<int>();
        foreach (var (open, close) in found)
        {
            while (enclosing.Count > 0 && enclosing.Peek() < open)
            {
                enclosing.Pop();
            }
            if (enclosing.Count > 0 && enclosing.Peek() < close)
            {
                continue; // crossing pairs cannot both be quotations
            }
            doc.Quotations.Add(new Quotation(open, close, enclosing.Count > 0)
            {
                ContentStart = t[open].End,
                ContentEnd = t[close].Start,
            });
            enclosing.Push(close);
        }
        // Outer quotations first, so inner ones overwrite the tokens they hold.
        for (var q = 0; q < doc.Quotations.Count; q++)
        {
            var quotation = doc.Quotations[q];
            t[quotation.Open].Pair = q;
            t[quotation.Close].Pair = q;
            for (var k = quotation.Open + 1; k < quotation.Close; k++)
            {
                t[k].Quote = q;
            }
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\n';

    private static bool IsSpaceOrOpen(char c) => c is ' ' or '\n' or '(' or '[' or TextNormalizer.Dash or TextNormalizer.OpenDouble or '"';
}
