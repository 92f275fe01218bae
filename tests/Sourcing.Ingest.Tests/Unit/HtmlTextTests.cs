using Sourcing.Ingest.Articles;

namespace Sourcing.Ingest.Tests.Unit;

public sealed class HtmlTextTests
{
    [Fact]
    public void Extract_PageWithBoilerplate_KeepsArticleParagraphsOnly()
    {
        const string html = """
            <html><head><title>Site | Bridge closes</title><script>var x = "said";</script></head>
            <body><nav><a href="/">Home</a></nav>
            <article><h1>Bridge closes for repairs</h1>
            <figure><img src="a.jpg"><figcaption>The bridge at dawn. (Photo: Staff)</figcaption></figure>
            <p>The bridge will close on Monday, the city engineer said.</p>
            <p>&ldquo;It is overdue,&rdquo; she said.</p></article>
            <footer>Copyright</footer></body></html>
            """;

        var (title, text) = HtmlText.Extract(html);

        title.ShouldBe("Bridge closes for repairs");
        text.ShouldBe("Bridge closes for repairs\n\nThe bridge will close on Monday, the city engineer said.\n\n\u201CIt is overdue,\u201D she said.");
    }
}
