//! The tree html5ever builds into: a flat arena with sibling links, as small as the walk in
//! `html.rs` needs (elements with their attributes, text, and placeholders for everything else).
//!
//! It replaces scraper's `Html` (an ego-tree of scraper nodes) for `html::parse`: no per-element
//! conversion into scraper's types, no tree of them to drop. Its tree is scraper's, node for
//! node, so `sift clean` (which still edits a scraper tree) numbers nodes the same way:
//! adjacent text is merged the same way, a `<template>` gets its contents as a child
//! placeholder the same way, and attributes are kept sorted by qualified name as scraper keeps
//! them (the snapshot lists them in that order). One difference the walk cannot see: text
//! appended to a `<script>` or `<style>` whose text the walk drops is not stored.

use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{local_name, ns, Attribute, QualName};
use std::borrow::Cow;
use std::cell::{Ref, RefCell};

/// "No node" in the links.
pub(super) const NIL: usize = usize::MAX;

pub(super) enum Data {
    Document,
    Element { name: QualName, attrs: Vec<Attribute> },
    Text(StrTendril),
    /// Comments, doctypes, processing instructions, template contents.
    Other,
}

pub(super) struct Node {
    pub(super) parent: usize,
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) prev: usize,
    pub(super) next: usize,
    pub(super) data: Data,
}

pub(super) struct Sink {
    nodes: RefCell<Vec<Node>>,
}

impl Sink {
    pub(super) fn new(capacity: usize) -> Sink {
        let mut nodes = Vec::with_capacity(capacity);
        nodes.push(Node { parent: NIL, first: NIL, last: NIL, prev: NIL, next: NIL, data: Data::Document });
        Sink { nodes: RefCell::new(nodes) }
    }
}

fn orphan(nodes: &mut Vec<Node>, data: Data) -> usize {
    nodes.push(Node { parent: NIL, first: NIL, last: NIL, prev: NIL, next: NIL, data });
    nodes.len() - 1
}

/// Unlinks `id` from its parent (ego-tree's `detach`).
fn detach(nodes: &mut [Node], id: usize) {
    let (parent, prev, next) = (nodes[id].parent, nodes[id].prev, nodes[id].next);
    if parent == NIL {
        return;
    }
    nodes[id].parent = NIL;
    nodes[id].prev = NIL;
    nodes[id].next = NIL;
    if prev != NIL {
        nodes[prev].next = next;
    } else {
        nodes[parent].first = next;
    }
    if next != NIL {
        nodes[next].prev = prev;
    } else {
        nodes[parent].last = prev;
    }
}

/// Makes `child` the last child of `parent` (ego-tree's `append_id`).
fn append_id(nodes: &mut [Node], parent: usize, child: usize) {
    if nodes[parent].last == child {
        return;
    }
    detach(nodes, child);
    let last = nodes[parent].last;
    nodes[child].parent = parent;
    nodes[child].prev = last;
    if last != NIL {
        nodes[last].next = child;
    } else {
        nodes[parent].first = child;
    }
    nodes[parent].last = child;
}

/// Puts `new` right before `sibling`, which has a parent (ego-tree's `insert_id_before`).
fn insert_before(nodes: &mut [Node], sibling: usize, new: usize) {
    detach(nodes, new);
    let (parent, prev) = (nodes[sibling].parent, nodes[sibling].prev);
    nodes[new].parent = parent;
    nodes[new].prev = prev;
    nodes[new].next = sibling;
    nodes[sibling].prev = new;
    if prev != NIL {
        nodes[prev].next = new;
    } else {
        nodes[parent].first = new;
    }
}

/// Text under this node never reaches the snapshot: `html::keeps_text` says no for a `<script>`
/// (unless JSON-LD) or `<style>`, read the way the walk reads them (the local name, whatever the
/// namespace; `type` with no prefix and no namespace).
fn drops_text(parent: &Data) -> bool {
    let Data::Element { name, attrs } = parent else { return false };
    // Atoms compare as numbers.
    if name.local != local_name!("script") && name.local != local_name!("style") {
        return false;
    }
    let local: &str = name.local.as_ref();
    let type_attr = attrs
        .iter()
        .find(|a| a.name.prefix.is_none() && a.name.ns.is_empty() && &*a.name.local == "type")
        .map(|a| a.value.as_ref());
    !super::keeps_text(local, type_attr)
}

impl TreeSink for Sink {
    type Handle = usize;
    type Output = Vec<Node>;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Vec<Node> {
        self.nodes.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn get_document(&self) -> usize {
        0
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| match &nodes[*target].data {
            Data::Element { name, .. } => name,
            // The tree builder asks only for elements' names.
            _ => unreachable!("elem_name of a non-element"),
        })
    }

    fn create_element(&self, name: QualName, mut attrs: Vec<Attribute>, _flags: ElementFlags) -> usize {
        let template = name.expanded() == html5ever::expanded_name!(html "template");
        // Sorted by qualified name, as scraper keeps them.
        attrs.sort_unstable_by(|a, b| a.name.cmp(&b.name));
        let mut nodes = self.nodes.borrow_mut();
        let id = orphan(&mut nodes, Data::Element { name, attrs });
        if template {
            let contents = orphan(&mut nodes, Data::Other);
            append_id(&mut nodes, id, contents);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        orphan(&mut self.nodes.borrow_mut(), Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        orphan(&mut self.nodes.borrow_mut(), Data::Other)
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {
        let mut nodes = self.nodes.borrow_mut();
        let id = orphan(&mut nodes, Data::Other);
        append_id(&mut nodes, 0, id);
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        let mut nodes = self.nodes.borrow_mut();
        match child {
            NodeOrText::AppendNode(id) => append_id(&mut nodes, *parent, id),
            NodeOrText::AppendText(text) => {
                // Script and style text the walk drops (all but JSON-LD) is not kept: a large
                // inline script arrives in many pieces, each copied onto the last.
                if drops_text(&nodes[*parent].data) {
                    return;
                }
                let last = nodes[*parent].last;
                if let Some(Data::Text(t)) = nodes.get_mut(last).map(|n| &mut n.data) {
                    t.push_tendril(&text);
                } else {
                    let id = orphan(&mut nodes, Data::Text(text));
                    append_id(&mut nodes, *parent, id);
                }
            }
        }
    }

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        let mut nodes = self.nodes.borrow_mut();
        if let NodeOrText::AppendNode(id) = new_node {
            detach(&mut nodes, id);
        }
        if nodes[*sibling].parent == NIL {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(id) => insert_before(&mut nodes, *sibling, id),
            NodeOrText::AppendText(text) => {
                let prev = nodes[*sibling].prev;
                if let Some(Data::Text(t)) = nodes.get_mut(prev).map(|n| &mut n.data) {
                    t.push_tendril(&text);
                } else {
                    let id = orphan(&mut nodes, Data::Text(text));
                    insert_before(&mut nodes, *sibling, id);
                }
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &usize, prev_element: &usize, child: NodeOrText<usize>) {
        let has_parent = self.nodes.borrow()[*element].parent != NIL;
        if has_parent {
            self.append_before_sibling(element, child)
        } else {
            self.append(prev_element, child)
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut nodes = self.nodes.borrow_mut();
        let (node, new_parent) = (*node, *new_parent);
        if node == new_parent {
            return;
        }
        let (first, last) = (nodes[node].first, nodes[node].last);
        if first == NIL {
            return;
        }
        nodes[node].first = NIL;
        nodes[node].last = NIL;
        let mut c = first;
        while c != NIL {
            nodes[c].parent = new_parent;
            c = nodes[c].next;
        }
        let old_last = nodes[new_parent].last;
        if old_last == NIL {
            nodes[new_parent].first = first;
        } else {
            nodes[old_last].next = first;
            nodes[first].prev = old_last;
        }
        nodes[new_parent].last = last;
    }

    fn add_attrs_if_missing(&self, target: &usize, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Data::Element { attrs: have, .. } = &mut nodes[*target].data {
            for a in attrs {
                if let Err(i) = have.binary_search_by(|h| h.name.cmp(&a.name)) {
                    have.insert(i, a);
                }
            }
        }
    }

    fn get_template_contents(&self, target: &usize) -> usize {
        self.nodes.borrow()[*target].first
    }

    fn mark_script_already_started(&self, _node: &usize) {}
}
