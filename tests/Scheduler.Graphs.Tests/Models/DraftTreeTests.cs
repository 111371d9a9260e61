using Scheduler.Graphs.Models;

namespace Scheduler.Graphs.Tests.Models;

public class DraftTreeTests
{
    [Fact]
    public void Attends_Chain_EqualsCausalMask()
    {
        var chain = DraftTree.Chain(6);
        for (int q = 0; q < 6; q++)
        {
            for (int k = 0; k < 6; k++)
            {
                Assert.Equal(k <= q, chain.Attends(q, k));
            }
        }
        Assert.Equal(6, chain.MaxDepth);
    }

    [Fact]
    public void Balanced_Binary16_FillsLevelsBreadthFirst()
    {
        var tree = DraftTree.Balanced(16);
        Assert.Equal([-1, -1, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6], tree.Parent.ToArray());
        Assert.Equal(4, tree.MaxDepth);
        Assert.Equal(2, tree.Depths.Count(d => d == 1));
        Assert.Equal(8, tree.Depths.Count(d => d == 3));
        Assert.True(tree.Attends(14, 6));
        Assert.True(tree.Attends(14, 0));
        Assert.False(tree.Attends(14, 1));
        Assert.False(tree.Attends(2, 3));
        Assert.Equal("binary", tree.Shape);
    }

    [Fact]
    public void FromParents_ForwardParent_Throws()
    {
        Assert.Throws<ArgumentException>(() => DraftTree.FromParents([-1, 2, 0]));
        Assert.Throws<ArgumentException>(() => DraftTree.FromParents([]));
        Assert.Throws<ArgumentException>(() => DraftTree.Chain(0));
        Assert.Equal(3, DraftTree.FromParents([-1, 0, 0]).Count);
    }
}
