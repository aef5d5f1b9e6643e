from marsad.corpus.unionfind import UnionFind


def test_groups_have_their_smallest_item_as_representative() -> None:
    uf: UnionFind[str] = UnionFind(["d", "a"])
    assert uf.union("d", "c")
    assert uf.union("c", "b")
    assert not uf.union("b", "d")
    assert uf.find("d") == "b"
    assert uf.groups() == {"b": ["d", "c", "b"], "a": ["a"]}
